package io.github.genova.genode.base.nova;

/**
 * The stack area of a component: a virtual range of {@link #SLOTS} slots of 1 MiB from {@link #BASE}, one
 * per thread (slot 0 for the main thread). A slot holds, low to high, an unbacked guard, the stack, the
 * thread record and, in its top page, the thread's UTCB. Java threads keep their real stacks on the host,
 * so here a slot mainly places the EC's UTCB and its initial stack pointer. Thread-safe; lowest free slot
 * first, so allocation is deterministic.
 */
public final class StackArea {
  /** First address of the area. */
  public static final long BASE = 0x4000_0000L;
  /** Size of the area. */
  public static final long SIZE = 0x1000_0000L;
  /** Size of one slot. */
  public static final long SLOT_SIZE = 1L << 20;
  /** Number of slots. */
  public static final int SLOTS = (int) (SIZE / SLOT_SIZE);
  /** Size of the thread record below the UTCB. */
  static final long RECORD_SIZE = 0x1000;

  private final boolean[] used = new boolean[SLOTS];

  /** Creates an empty stack area (no slot in use). */
  public StackArea() {}

  /**
   * Allocates the lowest free slot.
   *
   * @throws IllegalStateException if all {@link #SLOTS} slots are in use
   */
  public synchronized int alloc() {
    for (int slot = 0; slot < SLOTS; slot++) {
      if (!used[slot]) {
        used[slot] = true;
        return slot;
      }
    }
    throw new IllegalStateException("stack area exhausted: all " + SLOTS + " slots in use");
  }

  /**
   * Frees {@code slot}.
   *
   * @throws IllegalArgumentException if it is not allocated
   */
  public synchronized void free(int slot) {
    if (slot < 0 || slot >= SLOTS || !used[slot]) {
      throw new IllegalArgumentException("stack-area slot " + slot + " is not allocated");
    }
    used[slot] = false;
  }

  /** Returns the first address of {@code slot}. */
  public static long slotBase(int slot) {
    return BASE + slot * SLOT_SIZE;
  }

  /** Returns the UTCB address of {@code slot}: its top page. */
  public static long utcbAddress(int slot) {
    return slotBase(slot) + SLOT_SIZE - 0x1000;
  }

  /** Returns the initial stack pointer of {@code slot}: just below the thread record. */
  public static long stackTop(int slot) {
    return utcbAddress(slot) - RECORD_SIZE;
  }

  /** Returns the slot containing {@code address}, or -1 outside the area ({@code Thread::myself}'s rule). */
  public static int slotOf(long address) {
    if (address < BASE || address >= BASE + SIZE) {
      return -1;
    }
    return (int) ((address - BASE) / SLOT_SIZE);
  }
}
