package io.github.genova.nova.impl;

/**
 * A scheduling context: CPU time for one global EC, with a priority and a quantum, and the time it has
 * consumed. Time used by ECs it is donated to (portal calls) is charged here.
 */
final class Sc extends Kobject {
  final Ec ec;
  final int priority;
  final long quantumMicros;
  /**
   * Consumed time in nanoseconds. Written only by the one thread running on this SC at a time (donation
   * keeps an SC on one thread); other threads may read a slightly stale value.
   */
  long consumedNanos;

  Sc(NovaKernel kernel, Ec ec, int priority, long quantumMicros) {
    super(kernel, Type.SC);
    this.ec = ec;
    this.priority = priority;
    this.quantumMicros = quantumMicros;
    ec.acquire();
  }

  /** Charges {@code nanos} of CPU time to this SC. */
  void charge(long nanos) {
    consumedNanos += nanos;
  }

  @Override
  void destroy() {
    ec.release();
  }
}
