package io.github.genova.platform;

/** Real time: the host's monotonic clock ({@link System#nanoTime()}), zero when the clock was made. */
public final class RealClock implements Clock {
  private final long origin = System.nanoTime();

  /** Creates a clock reading zero now. */
  public RealClock() {}

  @Override
  public long nanos() {
    return System.nanoTime() - origin;
  }

  @Override
  public boolean isVirtual() {
    return false;
  }
}
