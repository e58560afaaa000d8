package io.github.genova.examples.display;

import java.time.Duration;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Keeps a run's virtual time in step with the wall clock while someone watches it: after each step of
 * virtual time, {@link #pace} waits as long as the run is ahead of the wall clock, so virtual time is never
 * ahead by more than the step it just made. A run that is behind goes on without waiting, to catch up — but
 * at most {@link #MAX_LAG} of its debt is kept: a run that was slow for a while (booting, say) then goes on
 * in real time rather than racing through the time it lost, as a guest's clock does after its host paused.
 *
 * <p>The wall clock is only ever read here, by the run's body — never by the kernel, whose deterministic mode
 * stays independent of the host: what the pacing decides is when the body makes its next step, not what
 * happens in it.
 */
public final class Pacer {
  /** How far the run may lag behind the wall clock before the rest of its debt is forgiven. */
  public static final Duration MAX_LAG = Duration.ofMillis(200);

  private final LongSupplier wallNanos;
  private final LongConsumer waitNanos;
  private long wallOrigin;
  private long virtualOrigin;

  /**
   * Paces by {@code wallNanos} (a monotonic clock in nanoseconds), waiting with {@code waitNanos} (which
   * lets that many nanoseconds of it pass). The pacing starts at the first {@link #start}.
   */
  public Pacer(LongSupplier wallNanos, LongConsumer waitNanos) {
    this.wallNanos = wallNanos;
    this.waitNanos = waitNanos;
  }

  /** Returns a pacer on the host's monotonic clock ({@link System#nanoTime}) that sleeps the thread to wait. */
  public static Pacer onWallClock() {
    return new Pacer(System::nanoTime, Pacer::sleep);
  }

  /** Returns the wall clock's time in nanoseconds (an arbitrary origin; only differences mean anything). */
  public long wallNanos() {
    return wallNanos.getAsLong();
  }

  /** Starts pacing: virtual time {@code virtualNanos} is now. */
  public void start(long virtualNanos) {
    wallOrigin = wallNanos.getAsLong();
    virtualOrigin = virtualNanos;
  }

  /**
   * Called after a step brought the run to virtual time {@code virtualNanos}: waits until the wall clock has
   * caught up with it, or, if the run is behind, forgives what it lags beyond {@link #MAX_LAG}.
   */
  public void pace(long virtualNanos) {
    long ahead = (virtualNanos - virtualOrigin) - (wallNanos.getAsLong() - wallOrigin);
    if (ahead > 0) {
      waitNanos.accept(ahead);
    } else if (-ahead > MAX_LAG.toNanos()) {
      wallOrigin += -ahead - MAX_LAG.toNanos();
    }
  }

  private static void sleep(long nanos) {
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
