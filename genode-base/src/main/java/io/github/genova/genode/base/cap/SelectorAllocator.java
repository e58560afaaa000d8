package io.github.genova.genode.base.cap;

import java.util.BitSet;

/**
 * The capability-selector allocator of one protection domain: hands out naturally aligned blocks of
 * 2^order free selectors from a fixed range and takes them back. First fit from the lowest selector, so
 * the same sequence of requests yields the same selectors (deterministic). Thread-safe.
 *
 * <p>The allocator knows only what it handed out; selectors below its range (the kernel's event window and
 * the capabilities a component starts with) are never handed out.
 */
public final class SelectorAllocator {
  private final long base;
  private final long limit;
  private final BitSet used;
  private int inUse;

  /**
   * Manages selectors {@code [base, limit)}.
   *
   * @throws IllegalArgumentException if the range is empty or negative
   */
  public SelectorAllocator(long base, long limit) {
    if (base < 0 || limit <= base || limit - base > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("bad selector range [" + base + ", " + limit + ")");
    }
    this.base = base;
    this.limit = limit;
    this.used = new BitSet((int) (limit - base));
  }

  /**
   * Allocates one selector.
   *
   * @throws IllegalStateException if the range is exhausted
   */
  public long alloc() {
    return alloc(0);
  }

  /**
   * Allocates {@code 2^order} selectors whose first is aligned to {@code 2^order}; returns the first.
   *
   * @throws IllegalArgumentException if the order is outside 0..16
   * @throws IllegalStateException if no such block is free
   */
  public synchronized long alloc(int order) {
    if (order < 0 || order > 16) {
      throw new IllegalArgumentException("selector block order must be 0..16: " + order);
    }
    long size = 1L << order;
    long first = (base + size - 1) & -size;
    for (long at = first; at + size <= limit; at += size) {
      int from = (int) (at - base);
      int next = used.nextSetBit(from);
      if (next < 0 || next >= from + size) {
        used.set(from, (int) (from + size));
        inUse += (int) size;
        return at;
      }
    }
    throw new IllegalStateException(
        "out of capability selectors: no free aligned block of " + size + " in [" + base + ", " + limit + ")");
  }

  /**
   * Frees the block of {@code 2^order} selectors at {@code first}. Freeing selectors that are not allocated
   * is refused.
   *
   * @throws IllegalArgumentException if the block is outside the range or not (entirely) allocated
   */
  public synchronized void free(long first, int order) {
    long size = 1L << order;
    if (first < base || first + size > limit) {
      throw new IllegalArgumentException("selectors 0x" + Long.toHexString(first) + "+" + size + " are not mine");
    }
    int from = (int) (first - base);
    if (used.nextClearBit(from) < from + size) {
      throw new IllegalArgumentException("selectors 0x" + Long.toHexString(first) + "+" + size + " are not allocated");
    }
    used.clear(from, (int) (from + size));
    inUse -= (int) size;
  }

  /** Frees one selector (see {@link #free(long, int)}). */
  public void free(long selector) {
    free(selector, 0);
  }

  /** Returns how many selectors are allocated now. */
  public synchronized int inUse() {
    return inUse;
  }
}
