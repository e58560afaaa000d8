package io.github.genova.nova.impl;

import io.github.genova.nova.api.Utcb;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * Message transfer between two UTCBs, as a call or reply does it: the count word is copied, the untyped
 * words are copied from data word 0 upwards (clamped to the data area), and each typed item is carried
 * out against the receiver's receive windows, its result written to the same item position of the
 * receiver. The fast path (no typed items) takes no lock and allocates nothing.
 */
final class Ipc {
  /** Messages up to this many words are copied by {@link #copyShort}. */
  private static final int SHORT_MESSAGE = 8;

  private Ipc() {}

  /**
   * Copies the first {@code n} (at most {@link #SHORT_MESSAGE}) data words: every load before the first
   * store, each a plain 8-byte move. The words were stored by the sender a moment ago and are read by the
   * receiver a moment later; the bulk copy's wide (masked) vector loads cannot be served from those pending
   * 8-byte stores and wait for them to reach the cache, which made this copy the slowest step of a call.
   * Words of the sender beyond {@code n} are loaded but never stored, so the receiver sees exactly {@code
   * n}.
   */
  @SuppressWarnings("fallthrough") // each case stores its word and falls through to the next lower one
  private static void copyShort(long[] src, long[] dst, int n) {
    int base = Utcb.HEADER_WORDS;
    long w0 = src[base];
    long w1 = src[base + 1];
    long w2 = src[base + 2];
    long w3 = src[base + 3];
    long w4 = src[base + 4];
    long w5 = src[base + 5];
    long w6 = src[base + 6];
    long w7 = src[base + 7];
    switch (n) {
      case 8:
        dst[base + 7] = w7;
        // fall through
      case 7:
        dst[base + 6] = w6;
        // fall through
      case 6:
        dst[base + 5] = w5;
        // fall through
      case 5:
        dst[base + 4] = w4;
        // fall through
      case 4:
        dst[base + 3] = w3;
        // fall through
      case 3:
        dst[base + 2] = w2;
        // fall through
      case 2:
        dst[base + 1] = w1;
        // fall through
      case 1:
        dst[base] = w0;
        break;
      default:
        break;
    }
  }

  /**
   * Transfers the message in EC {@code from}'s UTCB to EC {@code to}'s, as a call or reply does: the fast
   * path copies heap words ({@link Ec#utcbWords}).
   */
  static void transfer(Mdb mdb, Ec from, Ec to) {
    long[] src = from.utcbWords;
    long[] dst = to.utcbWords;
    if (src == null || dst == null) {
      throw new IllegalStateException("IPC between ECs without UTCBs: " + from + ", " + to);
    }
    long count = src[0];
    dst[0] = count;
    int untyped = Math.min((int) count & 0xffff, Utcb.DATA_WORDS);
    if (untyped <= SHORT_MESSAGE) {
      copyShort(src, dst, untyped);
    } else {
      System.arraycopy(src, Utcb.HEADER_WORDS, dst, Utcb.HEADER_WORDS, untyped);
    }
    int typed = Math.min((int) (count >>> 16) & 0xffff, Utcb.MAX_TYPED);
    if (typed > 0) {
      transferItems(mdb, Objects.requireNonNull(from.utcb), from.pd, Objects.requireNonNull(to.utcb), to.pd, typed);
    }
  }

  /** Transfers the message in {@code from}'s UTCB (sent by PD {@code sender}) to {@code to}'s UTCB. */
  static void transfer(Mdb mdb, Utcb from, Pd sender, Utcb to, Pd receiver) {
    MemorySegment src = from.page();
    MemorySegment dst = to.page();
    long count = from.countWord();
    dst.set(ValueLayout.JAVA_LONG, 0, count);
    int untyped = Math.min((int) count & 0xffff, Utcb.DATA_WORDS);
    if (untyped > 0) {
      MemorySegment.copy(src, Utcb.HEADER_WORDS * 8L, dst, Utcb.HEADER_WORDS * 8L, untyped * 8L);
    }
    int typed = Math.min((int) (count >>> 16) & 0xffff, Utcb.MAX_TYPED);
    if (typed > 0) {
      transferItems(mdb, from, sender, to, receiver, typed);
    }
  }

  private static void transferItems(Mdb mdb, Utcb from, Pd sender, Utcb to, Pd receiver, int typed) {
    long translateWindow = to.page().get(ValueLayout.JAVA_LONG, 8);
    long delegateWindow = to.page().get(ValueLayout.JAVA_LONG, 16);
    boolean mayUseKernelSpace = sender == sender.kernel.rootPd;
    for (int i = 0; i < typed; i++) {
      long crd = from.itemCrd(i);
      long flags = from.itemFlags(i);
      long result;
      if ((flags & Utcb.ITEM_DELEGATE) == 0) {
        result = mdb.translate(sender, crd, receiver, translateWindow);
      } else {
        result = 0;
        if ((flags & Utcb.ITEM_TRANSLATE_ELSE_DELEGATE) != 0) {
          result = mdb.translate(sender, crd, receiver, translateWindow);
        }
        if (result == 0) {
          boolean fromKernel = mayUseKernelSpace && (flags & Utcb.ITEM_HOST) != 0;
          result = mdb.delegate(sender, crd, flags >>> 12, fromKernel, receiver, delegateWindow);
        }
      }
      to.setItem(i, result, flags);
    }
  }
}
