package io.github.genova.platform;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The machine's global system interrupts (GSIs), as an I/O APIC presents them: devices {@link #raise} a
 * line, and the attached {@link GsiListener} (the kernel) receives it unless the line is masked. A raise on
 * a masked line is remembered and delivered when the line is unmasked, so edges are not lost. Every line
 * starts unmasked. Thread-safe.
 */
public final class InterruptLines {
  private final int count;
  private final AtomicLongArray state; // bit 0: masked, bit 1: pending while masked
  private volatile GsiListener listener = gsi -> {};

  /**
   * Creates {@code count} lines with no listener.
   *
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  public InterruptLines(int count) {
    if (count <= 0) {
      throw new IllegalArgumentException("need at least one interrupt line: " + count);
    }
    this.count = count;
    this.state = new AtomicLongArray(count);
  }

  /** Returns the number of lines. */
  public int count() {
    return count;
  }

  /** Attaches the receiver of all interrupts, replacing the previous one. */
  public void attach(GsiListener receiver) {
    this.listener = receiver;
  }

  /**
   * Fires line {@code gsi}: delivered at once, or held until unmasked.
   *
   * @throws IllegalArgumentException if there is no such line
   */
  public void raise(int gsi) {
    check(gsi);
    long s = state.getAndUpdate(gsi, v -> (v & 1) != 0 ? v | 2 : v);
    if ((s & 1) == 0) {
      listener.interrupt(gsi);
    }
  }

  /** Masks line {@code gsi}: later raises are held, not delivered. */
  public void mask(int gsi) {
    check(gsi);
    state.getAndUpdate(gsi, v -> v | 1);
  }

  /** Unmasks line {@code gsi} and delivers a raise that arrived while it was masked. */
  public void unmask(int gsi) {
    check(gsi);
    long s = state.getAndSet(gsi, 0);
    if ((s & 2) != 0) {
      listener.interrupt(gsi);
    }
  }

  /** Returns whether line {@code gsi} is masked. */
  public boolean isMasked(int gsi) {
    check(gsi);
    return (state.get(gsi) & 1) != 0;
  }

  private void check(int gsi) {
    if (gsi < 0 || gsi >= count) {
      throw new IllegalArgumentException("no interrupt line " + gsi + " (the machine has " + count + ")");
    }
  }
}
