package io.github.genova.genode.base.nova;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The message buffer of one native thread: a cursor that marshals an RPC message straight into the
 * thread's UTCB and reads the answer from it, with no copy and no allocation for primitive data.
 *
 * <p>Layout (Genode on NOVA today): a call has word 0 = 0 (unused), word 1 = the opcode, then the IN and
 * INOUT arguments in order; a reply has word 0 = the {@linkplain RpcExceptionCode exception code}, then the
 * INOUT arguments in order, then the return value (absent with an exception). Every datum occupies a whole
 * number of words: primitives one word, a string a size word (bytes including the terminating NUL, at most
 * its declared bound) and its bytes, a byte buffer a size word and its bytes. Capabilities are not data:
 * up to {@link #MAX_CAPS} ride as translate-and-delegate typed items, item i with hotspot i, an invalid one
 * as a null item keeping its position.
 */
public final class Msgbuf {
  /** The most capabilities one message carries. */
  public static final int MAX_CAPS = 4;

  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG_UNALIGNED;
  private static final long DATA = Utcb.HEADER_WORDS * 8L;
  private static final long CAP_FLAGS = Utcb.ITEM_TRANSLATE_ELSE_DELEGATE | Utcb.ITEM_DELEGATE;

  private final NativeThread thread;
  private final MemorySegment page;
  private int pos;
  private int caps;
  private int capsRead;
  private boolean readingReply;
  private int received;
  private int replied;
  private boolean receivingAtChosenSelector;

  Msgbuf(NativeThread thread, Utcb utcb) {
    this.thread = thread;
    this.page = utcb.page();
  }

  // --- the client's side ---

  /** Starts a call of function {@code opcode}. */
  public void begin(long opcode) {
    page.set(WORD, DATA, 0L);
    page.set(WORD, DATA + 8, opcode);
    pos = 2;
    caps = 0;
  }

  /**
   * Sends the message through portal {@code selector} and returns the reply's exception code, with the
   * cursor at the reply's first payload word.
   *
   * @param receiveCaps how many capabilities the reply may carry (opens the receive window if positive)
   * @throws IpcError if the kernel refused the call or the reply has no protocol word
   */
  public long call(long selector, int receiveCaps) {
    page.set(WORD, 0, (long) caps << 16 | pos);
    page.set(WORD, 8, NativePd.TRANSLATE_ALL);
    long chosen = thread.takeReceiveSelector();
    receivingAtChosenSelector = receiveCaps > 0 && chosen != Capability.INVALID_SELECTOR;
    page.set(WORD, 16, receiveCaps <= 0 ? 0L
        : receivingAtChosenSelector ? Crd.encode(Crd.Type.OBJECT.code(), chosen, 0, Perm.ALL)
        : Crd.encode(Crd.Type.OBJECT.code(), thread.receiveWindow(), NativeThread.RECEIVE_WINDOW_ORDER, Perm.ALL));
    Status status = thread.gate().call(selector);
    if (status != Status.SUCCESS || (page.get(WORD, 0) & 0xffff) < 1) {
      throw new IpcError(selector);
    }
    pos = 1;
    capsRead = 0;
    readingReply = true;
    replied = 0;
    return page.get(WORD, DATA);
  }

  /** Ends reading a reply that carried capabilities: consumed receive-window selectors are replaced. */
  public void endReply() {
    readingReply = false;
    if (replied != 0 && !receivingAtChosenSelector) {
      thread.renewReceiveWindow(replied);
    }
  }

  // --- the server's side ---

  /** Starts reading a received call; returns its opcode, or -1 if the message is too short to carry one. */
  public long beginReceive() {
    capsRead = 0;
    readingReply = false;
    received = 0;
    long count = page.get(WORD, 0);
    if ((count & 0xffff) < 2) {
      return -1;
    }
    pos = 2;
    return page.get(WORD, DATA + 8);
  }

  /** Starts a reply with exception code {@code code}. */
  public void beginReply(long code) {
    page.set(WORD, DATA, code);
    pos = 1;
    caps = 0;
  }

  /** Sets the reply's item counts; the message is ready to go back. */
  public void finishReply() {
    page.set(WORD, 0, (long) caps << 16 | pos);
  }

  /**
   * Returns the bits of the receive-window selectors whose capabilities the server side handed out while
   * reading the call received last (calls made meanwhile do not count).
   */
  public int consumed() {
    return received;
  }

  /** Takes back the hand-over of receive-window selectors {@code bits} of the call received last (see {@link #consumed}). */
  public void unconsume(int bits) {
    received &= ~bits;
  }

  /** Sets the receive windows for the next message: all selectors for translation, {@code delegate} for delegation. */
  public void setReceiveWindows(long delegate) {
    page.set(WORD, 8, NativePd.TRANSLATE_ALL);
    page.set(WORD, 16, delegate);
  }

  /**
   * Returns the bits of the receive-window selectors (of window {@code window}) that the kernel filled with
   * capabilities of the message just received.
   */
  public int filled(long window) {
    int typed = (int) (page.get(WORD, 0) >>> 16) & 0xffff;
    int mask = 0;
    for (int i = 0; i < Math.min(typed, MAX_CAPS); i++) {
      long crd = itemCrd(i);
      long base = Crd.baseOf(crd);
      if (Crd.typeOf(crd) == Crd.Type.OBJECT.code() && base >= window && base < window + (1 << NativeThread.RECEIVE_WINDOW_ORDER)) {
        mask |= 1 << (int) (base - window);
      }
    }
    return mask;
  }

  // --- data ---

  /** Puts one word (every primitive travels as one). */
  public void putLong(long value) {
    page.set(WORD, DATA + 8L * checkPut(1), value);
  }

  /** Gets one word. */
  public long getLong() {
    return page.get(WORD, DATA + 8L * checkGet(1));
  }

  /**
   * Puts a string as a size word and its UTF-8 bytes with a terminating NUL, truncated (at a character
   * boundary) to {@code bound} bytes including the NUL.
   */
  public void putString(String s, int bound) {
    Objects.requireNonNull(s, "an RPC string argument is never null");
    int at = pos;
    long bytes = DATA + 8L * (at + 1);
    int limit = bound - 1;
    int n = 0;
    checkPut(1 + words(bound));
    pos = at;
    for (int i = 0; i < s.length(); i++) {
      int c = s.charAt(i);
      if (c < 0x80) {
        if (n + 1 > limit) {
          break;
        }
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) c);
        continue;
      }
      int cp = Character.isHighSurrogate((char) c) && i + 1 < s.length() ? s.codePointAt(i) : c;
      int len = cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (n + len > limit) {
        break;
      }
      if (len == 2) {
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0xc0 | cp >> 6));
      } else if (len == 3) {
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0xe0 | cp >> 12));
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0x80 | (cp >> 6 & 0x3f)));
      } else {
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0xf0 | cp >> 18));
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0x80 | (cp >> 12 & 0x3f)));
        page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0x80 | (cp >> 6 & 0x3f)));
        i++;
      }
      page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) (0x80 | (cp & 0x3f)));
    }
    page.set(ValueLayout.JAVA_BYTE, bytes + n++, (byte) 0);
    page.set(WORD, DATA + 8L * at, n);
    pos = at + 1 + words(n);
  }

  /**
   * Gets a string: at most {@code bound} bytes, up to the first NUL (a missing NUL is supplied at the
   * bound), decoded as UTF-8.
   */
  public String getString(int bound) {
    int at = checkGet(1);
    long size = page.get(WORD, DATA + 8L * at);
    int n = (int) Math.max(0, Math.min(size, Math.min(bound, room(at + 1))));
    long bytes = DATA + 8L * (at + 1);
    int len = 0;
    while (len < n && page.get(ValueLayout.JAVA_BYTE, bytes + len) != 0) {
      len++;
    }
    if (len == n && n > 0) {
      len = n - 1; // no NUL inside the bound: the last byte gives way to it, as the sender would have done
    }
    byte[] raw = new byte[len];
    MemorySegment.copy(page, ValueLayout.JAVA_BYTE, bytes, raw, 0, len);
    pos = at + 1 + words(n);
    return new String(raw, StandardCharsets.UTF_8);
  }

  /** Puts a byte buffer as a size word and its bytes, truncated to {@code bound} bytes. */
  public void putBytes(byte[] b, int bound) {
    Objects.requireNonNull(b, "an RPC byte-buffer argument is never null (send an empty one)");
    int n = Math.min(b.length, bound);
    int at = checkPut(1 + words(n));
    page.set(WORD, DATA + 8L * at, n);
    MemorySegment.copy(b, 0, page, ValueLayout.JAVA_BYTE, DATA + 8L * (at + 1), n);
  }

  /** Gets a byte buffer of at most {@code bound} bytes into a new array. */
  public byte[] getBytes(int bound) {
    int at = checkGet(1);
    long size = page.get(WORD, DATA + 8L * at);
    int n = (int) Math.max(0, Math.min(size, Math.min(bound, room(at + 1))));
    byte[] b = new byte[n];
    MemorySegment.copy(page, ValueLayout.JAVA_BYTE, DATA + 8L * (at + 1), b, 0, n);
    pos = at + 1 + words(n);
    return b;
  }

  /** Gets a byte buffer into {@code dst} (an INOUT argument written back): as many bytes as both hold. */
  public void getBytesInto(byte[] dst) {
    int at = checkGet(1);
    long size = page.get(WORD, DATA + 8L * at);
    int n = (int) Math.max(0, Math.min(size, room(at + 1)));
    MemorySegment.copy(page, ValueLayout.JAVA_BYTE, DATA + 8L * (at + 1), dst, 0, Math.min(n, dst.length));
    pos = at + 1 + words(n);
  }

  // --- capabilities ---

  /**
   * Puts a capability as the next typed item; a fifth one is dropped with an error in the log (it arrives
   * invalid).
   */
  public void putCap(Capability<?> cap) {
    Objects.requireNonNull(cap, "an RPC capability argument is never null (send Capability.invalid())");
    if (caps == MAX_CAPS) {
      thread.pd().log().error("message buffer overflow: more than " + MAX_CAPS + " capabilities, dropping " + cap);
      return;
    }
    long offset = Utcb.SIZE - 16L * (caps + 1);
    if (cap.valid()) {
      page.set(WORD, offset, Crd.encode(Crd.Type.OBJECT.code(), cap.selector(), 0, Perm.ALL));
      page.set(WORD, offset + 8, (long) caps << 12 | CAP_FLAGS);
    } else {
      page.set(WORD, offset, 0L);
      page.set(WORD, offset + 8, 0L);
    }
    caps++;
  }

  /**
   * Gets the next received capability: the receiver's selector for it (its own existing selector if it
   * already held the capability, a receive-window selector if it was delegated), or the invalid capability
   * for a null item or a missing one.
   */
  public <T> Capability<T> getCap() {
    int i = capsRead++;
    int typed = (int) (page.get(WORD, 0) >>> 16) & 0xffff;
    if (i >= typed || i >= MAX_CAPS) {
      return Capability.invalid();
    }
    long crd = itemCrd(i);
    if (Crd.typeOf(crd) != Crd.Type.OBJECT.code()) {
      return Capability.invalid();
    }
    long base = Crd.baseOf(crd);
    long window = page.get(WORD, 16);
    long wb = Crd.baseOf(window);
    if (Crd.typeOf(window) == Crd.Type.OBJECT.code() && base >= wb && base < wb + (1L << Crd.orderOf(window))) {
      if (readingReply) {
        replied |= 1 << (int) (base - wb);
      } else {
        received |= 1 << (int) (base - wb);
      }
    }
    return Capability.of(base);
  }

  private long itemCrd(int i) {
    return page.get(WORD, Utcb.SIZE - 16L * (i + 1));
  }

  private int checkPut(int words) {
    int at = pos;
    if (at + words > Utcb.DATA_WORDS - 2 * caps) {
      throw new IllegalStateException("RPC message exceeds the UTCB: " + (at + words) + " words");
    }
    pos = at + words;
    return at;
  }

  private int checkGet(int words) {
    int at = pos;
    if (at + words > Utcb.DATA_WORDS) {
      throw new IllegalArgumentException("RPC message ends before its arguments do");
    }
    pos = at + words;
    return at;
  }

  private static int room(int at) {
    return Math.max(0, (Utcb.DATA_WORDS - at) * 8);
  }

  private static int words(int bytes) {
    return (bytes + 7) >>> 3;
  }
}
