package io.github.genova.platform;

/**
 * Virtual time: starts at zero and moves only through {@link #advanceTo} and {@link #advanceBy}, so a run
 * that advances it from a deterministic schedule sees the same times every run. Reads are lock-free;
 * advancing is safe from any thread and never moves time backwards.
 */
public final class VirtualClock implements Clock {
  private volatile long now;

  /** Creates a clock reading zero. */
  public VirtualClock() {}

  @Override
  public long nanos() {
    return now;
  }

  @Override
  public boolean isVirtual() {
    return true;
  }

  /**
   * Moves time forward to {@code deadline}; a deadline in the past leaves time unchanged.
   *
   * @return the time after the call
   */
  public synchronized long advanceTo(long deadline) {
    if (deadline > now) {
      now = deadline;
    }
    return now;
  }

  /**
   * Moves time forward by {@code delta} nanoseconds.
   *
   * @throws IllegalArgumentException if {@code delta} is negative
   * @return the time after the call
   */
  public synchronized long advanceBy(long delta) {
    if (delta < 0) {
      throw new IllegalArgumentException("time cannot go backwards: delta " + delta);
    }
    now = Math.addExact(now, delta);
    return now;
  }
}
