package io.github.genova.nova.impl;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One space of a PD: its object, memory or I/O capabilities, as a radix table from index (object
 * selector, page number, port number) to {@link MdbNode}, allocated lazily level by level. Lookups are
 * lock-free (a racing writer may be missed, never half-seen); writes happen under the capability lock.
 * Indices are reduced modulo the space's size, which is how object selectors wrap.
 */
final class CapabilitySpace {
  /** The three kinds of space, with their CRD type codes. */
  enum Kind {
    MEMORY(1),
    IO(2),
    OBJECT(3);

    final int crdType;

    Kind(int crdType) {
      this.crdType = crdType;
    }

    static @Nullable Kind ofCrdType(int type) {
      return switch (type) {
        case 1 -> MEMORY;
        case 2 -> IO;
        case 3 -> OBJECT;
        default -> null;
      };
    }
  }

  /** Index bits per level of an object space: selectors of {@link Pd#SELECTOR_BITS} bits in two levels. */
  private static final int OBJECT_BITS = Pd.SELECTOR_BITS / 2;
  private static final int OBJECT_MASK = (1 << OBJECT_BITS) - 1;

  final Kind kind;
  private final int bits;
  private final int levels;
  private final long sizeMask;
  private final @Nullable Object[] root;

  /**
   * Creates an empty space of 2^(bits*levels) indices.
   *
   * @param bits index bits resolved per level
   * @param levels number of levels
   */
  CapabilitySpace(Kind kind, int bits, int levels) {
    this.kind = kind;
    this.bits = bits;
    this.levels = levels;
    this.sizeMask = bits * levels >= 63 ? -1L >>> 1 : (1L << (bits * levels)) - 1;
    this.root = new Object[1 << bits];
  }

  /** Creates an empty object space: 2^{@link Pd#SELECTOR_BITS} selectors in two levels. */
  static CapabilitySpace objectSpace() {
    return new CapabilitySpace(Kind.OBJECT, OBJECT_BITS, 2);
  }

  /**
   * Returns this object space's directory (its first-level table) for {@link #lookupObject}: a holder on a
   * hot path (a kernel entry) keeps it and saves the loads that lead from an EC to its PD's table.
   */
  @Nullable Object[] objectDirectory() {
    if (kind != Kind.OBJECT || bits != OBJECT_BITS || levels != 2) {
      throw new IllegalStateException("not an object space: " + kind);
    }
    return root;
  }

  /**
   * Returns the node at selector {@code sel} (wrapped) of the object space whose directory is {@code
   * directory}, or null: {@link #get} with the geometry fixed, so it compiles to two loads.
   */
  static @Nullable MdbNode lookupObject(@Nullable Object[] directory, long sel) {
    Object leaf = directory[(int) (sel >>> OBJECT_BITS) & OBJECT_MASK];
    return leaf == null ? null : (MdbNode) ((@Nullable Object[]) leaf)[(int) sel & OBJECT_MASK];
  }

  /** Returns the number of indices, 2^(bits*levels). */
  long size() {
    return sizeMask + 1;
  }

  /** Reduces an index modulo the space's size. */
  long wrap(long index) {
    return index & sizeMask;
  }

  /** Returns the node at {@code index} (wrapped), or null. */
  @Nullable MdbNode get(long index) {
    long i = index & sizeMask;
    @Nullable Object[] table = root;
    int mask = (1 << bits) - 1;
    for (int level = levels - 1; level > 0; level--) {
      Object next = table[(int) (i >>> (bits * level)) & mask];
      if (next == null) {
        return null;
      }
      table = (Object[]) next;
    }
    return (MdbNode) table[(int) i & mask];
  }

  /** Stores {@code node} at its index. Caller holds the capability lock. */
  void put(MdbNode node) {
    store(node.index, node);
  }

  /** Clears {@code index}. Caller holds the capability lock. */
  void remove(long index) {
    store(index, null);
  }

  private void store(long index, @Nullable MdbNode node) {
    long i = index & sizeMask;
    @Nullable Object[] table = root;
    int mask = (1 << bits) - 1;
    for (int level = levels - 1; level > 0; level--) {
      int slot = (int) (i >>> (bits * level)) & mask;
      Object next = table[slot];
      if (next == null) {
        if (node == null) {
          return;
        }
        next = new Object[1 << bits];
        table[slot] = next;
      }
      table = (Object[]) next;
    }
    table[(int) i & mask] = node;
  }

  /**
   * Returns the nodes with index in {@code [from, from + count)} (wrapped), skipping empty subtrees, so the
   * cost follows the occupied entries rather than the range's size.
   */
  List<MdbNode> range(long from, long count) {
    var result = new ArrayList<MdbNode>();
    long start = from & sizeMask;
    long end = Math.min(start + Math.min(count, size()), size());
    collect(start, end, result);
    if (start + Math.min(count, size()) > size()) {
      collect(0, start + Math.min(count, size()) - size(), result);
    }
    return result;
  }

  private void collect(long from, long to, List<MdbNode> out) {
    int mask = (1 << bits) - 1;
    long i = from;
    next:
    while (i < to) {
      @Nullable Object[] table = root;
      for (int level = levels - 1; level > 0; level--) {
        Object child = table[(int) (i >>> (bits * level)) & mask];
        if (child == null) {
          long span = 1L << (bits * level);
          i = (i & -span) + span;
          continue next;
        }
        table = (Object[]) child;
      }
      MdbNode node = (MdbNode) table[(int) i & mask];
      if (node != null) {
        out.add(node);
      }
      i++;
    }
  }
}
