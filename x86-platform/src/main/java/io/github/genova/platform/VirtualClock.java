package io.github.genova.platform;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Virtual time: starts at zero and moves only through {@link #advanceTo} and {@link #advanceBy}, so a run
 * that advances it from a deterministic schedule sees the same times every run. Lock-free and safe from
 * any thread; time never moves backwards.
 */
public final class VirtualClock implements Clock {
  private static final VarHandle NOW;

  static {
    try {
      NOW = MethodHandles.lookup().findVarHandle(VirtualClock.class, "now", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @SuppressWarnings("unused") // accessed through NOW
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
  public long advanceTo(long deadline) {
    long current = now;
    while (deadline > current) {
      long witness = (long) NOW.compareAndExchange(this, current, deadline);
      if (witness == current) {
        return deadline;
      }
      current = witness;
    }
    return current;
  }

  /**
   * Moves time forward by {@code delta} nanoseconds.
   *
   * @throws IllegalArgumentException if {@code delta} is negative
   * @return the time after the call
   */
  public long advanceBy(long delta) {
    if (delta < 0) {
      throw new IllegalArgumentException("time cannot go backwards: delta " + delta);
    }
    return (long) NOW.getAndAdd(this, delta) + delta;
  }
}
