package io.github.genova.nova.impl;

import io.github.genova.nova.api.Utcb;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Message transfer between two UTCBs, as a call or reply does it: the count word is copied, the untyped
 * words are copied from data word 0 upwards (clamped to the data area), and each typed item is carried
 * out against the receiver's receive windows, its result written to the same item position of the
 * receiver. The fast path (no typed items) takes no lock and allocates nothing.
 */
final class Ipc {
  private Ipc() {}

  /**
   * Transfers the message in EC {@code from}'s UTCB to EC {@code to}'s, as a call or reply does: the fast
   * path copies heap words ({@link Ec#utcbWords}).
   */
  static void transfer(Mdb mdb, Ec from, Ec to) {
    long[] src = from.utcbWords;
    long[] dst = to.utcbWords;
    Utcb fromUtcb = from.utcb;
    Utcb toUtcb = to.utcb;
    if (src == null || dst == null || fromUtcb == null || toUtcb == null) {
      throw new IllegalStateException("IPC between ECs without UTCBs: " + from + ", " + to);
    }
    long count = src[0];
    dst[0] = count;
    int untyped = Math.min((int) count & 0xffff, Utcb.DATA_WORDS);
    System.arraycopy(src, Utcb.HEADER_WORDS, dst, Utcb.HEADER_WORDS, untyped);
    int typed = Math.min((int) (count >>> 16) & 0xffff, Utcb.MAX_TYPED);
    if (typed > 0) {
      transferItems(mdb, fromUtcb, from.pd, toUtcb, to.pd, typed);
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
