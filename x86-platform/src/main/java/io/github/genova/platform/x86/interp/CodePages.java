package io.github.genova.platform.x86.interp;

import java.util.Arrays;

/**
 * Self-modifying-code tracking and the decoded-block cache. Every physical 4 KiB page has a write
 * generation; a page that holds decoded code is marked, and the first store into a marked page bumps its
 * generation (dropping every block decoded from it) and clears the mark. Blocks live in a direct-mapped
 * table keyed by physical start address and default operand size.
 */
final class CodePages {
  private static final int PAGES = 1 << 20;
  private static final int SLOTS = 1 << 14;

  private final int[] generation = new int[PAGES];
  private final boolean[] hasCode = new boolean[PAGES];
  private final DecodedBlock[] slots = new DecodedBlock[SLOTS];

  private static int slot(long physical, boolean code32) {
    long h = physical * 0x9e37_79b9_7f4a_7c15L + (code32 ? 1 : 0);
    return (int) (h >>> 50);
  }

  /** Returns the cached block for this start, or null when there is none or it is stale. */
  @org.jspecify.annotations.Nullable DecodedBlock lookup(long physical, boolean code32) {
    DecodedBlock b = slots[slot(physical, code32)];
    if (b != null && b.start == physical && b.code32 == code32
        && b.generation == generation[(int) (physical >>> 12) & (PAGES - 1)]) {
      return b;
    }
    return null;
  }

  /** Returns the current write generation of the page holding {@code physical}. */
  int generation(long physical) {
    return generation[(int) (physical >>> 12) & (PAGES - 1)];
  }

  void insert(DecodedBlock b) {
    slots[slot(b.start, b.code32)] = b;
    hasCode[(int) (b.start >>> 12) & (PAGES - 1)] = true;
  }

  /** Returns whether the page holding {@code physical} has decoded code. */
  boolean hasCode(long physical) {
    return hasCode[(int) (physical >>> 12) & (PAGES - 1)];
  }

  /** Notes a store to {@code physical}; returns true when it hit a page with decoded code. */
  boolean written(long physical) {
    int page = (int) (physical >>> 12) & (PAGES - 1);
    if (!hasCode[page]) {
      return false;
    }
    hasCode[page] = false;
    generation[page]++;
    return true;
  }

  /** Drops the decoded code of every page in {@code [physical, physical + length)}. */
  void invalidate(long physical, int length) {
    for (long p = physical & ~0xfffL; p < physical + length; p += 4096) {
      written(p);
    }
  }

  /** Drops every decoded block. */
  void flush() {
    Arrays.fill(slots, null);
  }
}
