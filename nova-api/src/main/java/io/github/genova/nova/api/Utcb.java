package io.github.genova.nova.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.Nullable;

/**
 * The user thread control block of an EC: one 4 KiB page of its PD, laid out as NOVA's classic x86-64
 * UTCB. The header has four words: the item counts (untyped words in bits 15..0, typed items in bits
 * 31..16), the translate receive window, the delegate receive window and a TLS word the kernel never
 * touches. The rest of the page is the data area: untyped words from data word 0 upwards, typed items
 * (two words each, the CRD in the lower word, flags and hotspot in the upper) from the end of the page
 * downwards. After an exception the data area holds the state selected by the portal's MTD at the classic
 * offsets ({@link #mtd()}, {@link #ip()}, the GPRs, {@link #qual(int)}).
 *
 * <p>A {@code Utcb} is a view of the page, not a copy: what its EC writes, the kernel reads on the next
 * call or reply. Only the EC that owns it (and the kernel on its behalf) may use it, so it is not
 * thread-safe. Out-of-range indices throw {@link IndexOutOfBoundsException}. A page that is a whole heap
 * {@code long[]} of 512 words (as the kernel gives its UTCBs) is read and written as that array, the fastest
 * access the JVM offers.
 */
public final class Utcb {
  /** Size of the UTCB page in bytes. */
  public static final int SIZE = 4096;
  /** Number of header words. */
  public static final int HEADER_WORDS = 4;
  /** Number of words in the data area (508). */
  public static final int DATA_WORDS = SIZE / 8 - HEADER_WORDS;
  /** The most typed items the data area holds (254). */
  public static final int MAX_TYPED = DATA_WORDS / 2;

  /** Typed-item flag: a delegate item (clear: a translate item). */
  public static final long ITEM_DELEGATE = 1;
  /**
   * Typed-item flag of Genode's NOVA fork, used with {@link #ITEM_DELEGATE}: translate if the receiver
   * already holds an ancestor of the capability (it gets its own selector back), else delegate. This is
   * how Genode passes capability arguments.
   */
  public static final long ITEM_TRANSLATE_ELSE_DELEGATE = 1L << 1;
  /** Typed-item flag (memory only): the mapping may also be used for DMA. */
  public static final long ITEM_DMA = 1L << 9;
  /** Typed-item flag: the mapping goes to the guest (nested) space. */
  public static final long ITEM_GUEST = 1L << 10;
  /** Typed-item flag: the source is the kernel's own space (honoured for the root PD only). */
  public static final long ITEM_HOST = 1L << 11;

  private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;
  private static final int WORDS = SIZE / Long.BYTES;

  private final MemorySegment page;
  /** The page's words when it is a whole heap {@code long[]} (array access is the fast path), else null. */
  private final long @Nullable [] words;

  /**
   * Views {@code page} as a UTCB.
   *
   * @throws IllegalArgumentException if the segment is not exactly 4 KiB
   */
  public Utcb(MemorySegment page) {
    if (page.byteSize() != SIZE) {
      throw new IllegalArgumentException("a UTCB is one 4 KiB page, not " + page.byteSize() + " bytes");
    }
    this.page = page;
    this.words = page.heapBase().orElse(null) instanceof long[] array && array.length == WORDS && page.address() == 0
        ? array
        : null;
  }

  private long load(int index) {
    long[] w = words;
    return w != null ? w[index] : page.getAtIndex(WORD, index);
  }

  private void store(int index, long value) {
    long[] w = words;
    if (w != null) {
      w[index] = value;
    } else {
      page.setAtIndex(WORD, index, value);
    }
  }

  /** Returns the page this UTCB views. */
  public MemorySegment page() {
    return page;
  }

  /** Returns the raw item-count word (header word 0). */
  public long countWord() {
    return load(0);
  }

  /** Returns the number of untyped words (bits 15..0 of the count word). */
  public int untyped() {
    return (int) countWord() & 0xffff;
  }

  /** Returns the number of typed items (bits 31..16 of the count word). */
  public int typed() {
    return (int) (countWord() >>> 16) & 0xffff;
  }

  /** Sets both counts; values beyond 16 bits are truncated, oversized counts are clamped by the kernel. */
  public void setCounts(int untyped, int typed) {
    store(0, (long) (typed & 0xffff) << 16 | (untyped & 0xffff));
  }

  /** Returns the translate receive window (header word 1). */
  public Crd translateWindow() {
    return Crd.of(load(1));
  }

  /** Sets the translate receive window. */
  public void setTranslateWindow(Crd window) {
    store(1, window.word());
  }

  /** Returns the delegate receive window (header word 2). */
  public Crd delegateWindow() {
    return Crd.of(load(2));
  }

  /** Sets the delegate receive window. */
  public void setDelegateWindow(Crd window) {
    store(2, window.word());
  }

  /** Returns the TLS word (header word 3). */
  public long tls() {
    return load(3);
  }

  /** Sets the TLS word. */
  public void setTls(long value) {
    store(3, value);
  }

  /** Returns data word {@code i} (0..507). */
  public long word(int i) {
    return load(HEADER_WORDS + checkWord(i));
  }

  /** Sets data word {@code i} (0..507). */
  public void setWord(int i, long value) {
    store(HEADER_WORDS + checkWord(i), value);
  }

  /** Writes {@code words} as the untyped message and sets the counts to (words.length, 0). */
  public void setMessage(long... words) {
    if (words.length > DATA_WORDS) {
      throw new IndexOutOfBoundsException("a message holds at most " + DATA_WORDS + " words");
    }
    MemorySegment.copy(words, 0, page, WORD, HEADER_WORDS * 8L, words.length);
    setCounts(words.length, 0);
  }

  /** Returns the CRD word of typed item {@code i} (0..253). */
  public long itemCrd(int i) {
    return load(itemIndex(i));
  }

  /** Returns the flags-and-hotspot word of typed item {@code i} (0..253). */
  public long itemFlags(int i) {
    return load(itemIndex(i) + 1);
  }

  /** Sets typed item {@code i}: its CRD word and its flags-and-hotspot word. */
  public void setItem(int i, long crdWord, long flagsWord) {
    int index = itemIndex(i);
    store(index, crdWord);
    store(index + 1, flagsWord);
  }

  /** Returns typed item {@code i}'s CRD. */
  public Crd item(int i) {
    return Crd.of(itemCrd(i));
  }

  /**
   * Appends a delegate item for {@code crd} with the hotspot and extra flags, and counts it.
   *
   * @param hotspot selects the target inside a larger receive window (see NOVA's hotspot rule)
   * @param flags any of {@link #ITEM_DMA}, {@link #ITEM_GUEST}, {@link #ITEM_HOST}
   */
  public void appendDelegate(Crd crd, long hotspot, long flags) {
    appendItem(crd.word(), hotspot << 12 | (flags & 0xffe) | ITEM_DELEGATE);
  }

  /**
   * Appends a translate-else-delegate item (Genode's way of passing a capability argument), and counts it.
   */
  public void appendTranslateElseDelegate(Crd crd, long hotspot) {
    appendItem(crd.word(), hotspot << 12 | ITEM_TRANSLATE_ELSE_DELEGATE | ITEM_DELEGATE);
  }

  /** Appends a translate item for {@code crd}, and counts it. */
  public void appendTranslate(Crd crd) {
    appendItem(crd.word(), 0);
  }

  private void appendItem(long crdWord, long flagsWord) {
    int n = typed();
    setItem(n, crdWord, flagsWord);
    setCounts(untyped(), n + 1);
  }

  // --- exception state (classic x86-64 offsets from the data area start) ---

  /** Returns the MTD word (data word 0): what state an exception stored, or what a reply writes back. */
  public long mtd() {
    return word(0);
  }

  /** Sets the MTD word (data word 0). */
  public void setMtd(long mtd) {
    setWord(0, mtd);
  }

  /** Returns the faulting instruction's length (offset 0x08). */
  public long instructionLength() {
    return word(1);
  }

  /** Returns the instruction pointer (offset 0x10). */
  public long ip() {
    return word(2);
  }

  /** Sets the instruction pointer (offset 0x10). */
  public void setIp(long ip) {
    setWord(2, ip);
  }

  /** Returns RFLAGS (offset 0x18). */
  public long flags() {
    return word(3);
  }

  /** Sets RFLAGS (offset 0x18). */
  public void setFlags(long flags) {
    setWord(3, flags);
  }

  /**
   * Returns general-purpose register {@code n} in x86 order (0 RAX, 1 RCX, 2 RDX, 3 RBX, 4 RSP, 5 RBP, 6
   * RSI, 7 RDI, 8..15 R8..R15), stored from offset 0x30.
   */
  public long gpr(int n) {
    return word(6 + checkGpr(n));
  }

  /** Sets general-purpose register {@code n} (see {@link #gpr(int)}). */
  public void setGpr(int n, long value) {
    setWord(6 + checkGpr(n), value);
  }

  /** Returns the stack pointer (RSP, offset 0x50). */
  public long sp() {
    return gpr(4);
  }

  /** Sets the stack pointer (RSP, offset 0x50). */
  public void setSp(long sp) {
    setGpr(4, sp);
  }

  /** Returns qualification word {@code i} (0 or 1, offset 0xb0): for exceptions, error code and address. */
  public long qual(int i) {
    if (i != 0 && i != 1) {
      throw new IndexOutOfBoundsException("qualification words are 0 and 1: " + i);
    }
    return word(22 + i);
  }

  /** Sets qualification word {@code i} (0 or 1). */
  public void setQual(int i, long value) {
    if (i != 0 && i != 1) {
      throw new IndexOutOfBoundsException("qualification words are 0 and 1: " + i);
    }
    setWord(22 + i, value);
  }

  private static int checkWord(int i) {
    if (i < 0 || i >= DATA_WORDS) {
      throw new IndexOutOfBoundsException("data word " + i + " outside 0.." + (DATA_WORDS - 1));
    }
    return i;
  }

  private static int checkGpr(int n) {
    if (n < 0 || n > 15) {
      throw new IndexOutOfBoundsException("general-purpose registers are 0..15: " + n);
    }
    return n;
  }

  private static int itemIndex(int i) {
    if (i < 0 || i >= MAX_TYPED) {
      throw new IndexOutOfBoundsException("typed item " + i + " outside 0.." + (MAX_TYPED - 1));
    }
    return WORDS - 2 * (i + 1);
  }
}
