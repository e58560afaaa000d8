package io.github.genova.platform;

/**
 * The machine's time base: nanoseconds since the machine was built. Readings never go backwards.
 * A {@link VirtualClock} only moves when told to (deterministic runs); a {@link RealClock} follows the
 * host's monotonic clock.
 */
public sealed interface Clock permits VirtualClock, RealClock {
  /** Returns the current time in nanoseconds since the machine was built. */
  long nanos();

  /** Returns whether this clock moves only when advanced explicitly (virtual time). */
  boolean isVirtual();
}
