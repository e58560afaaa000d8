package io.github.genova.nova.impl;

import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A scheduling context: CPU time for one global EC on one CPU, with a priority and a quantum, the budget
 * left of the current quantum and the time it has consumed. Time used by ECs it is donated to (portal
 * calls) is charged here. The scheduler queues SCs, not ECs: an SC's thread is its EC's thread.
 */
final class Sc extends Kobject {
  final Ec ec;
  final int priority;
  final long quantumMicros;
  /** The CPU it runs on (its EC's CPU; changes only by migration). Guarded by the scheduler lock. */
  volatile Cpu cpu;
  /** A migration waiting for this running SC's next kernel entry. Guarded by the scheduler lock. */
  @Nullable Cpu moveTo;
  /** Budget left of the current quantum, in nanoseconds (running thread, or the scheduler lock). */
  long left;
  /**
   * Set when it is no longer scheduled (destroyed, or its thread ended): it runs again only to let its
   * killed EC's blocked thread unwind.
   */
  volatile boolean retired;
  /** Whether it sits in a run queue. Guarded by the scheduler lock. */
  boolean queued;
  /**
   * Consumed time in nanoseconds. Written only by the one thread running on this SC at a time (donation
   * keeps an SC on one thread); other threads may read a slightly stale value.
   */
  long consumedNanos;

  Sc(NovaKernel kernel, Ec ec, Cpu cpu, int priority, long quantumMicros) {
    super(kernel, Type.SC);
    this.ec = ec;
    this.cpu = cpu;
    this.priority = priority;
    this.quantumMicros = quantumMicros;
    this.left = quantumNanos();
    ec.acquire();
  }

  /**
   * A cross-CPU SC (Genode's fork has them for calls through portals with the cross-CPU permission): the
   * thread running on {@code donor} runs on {@code target} for the duration of one call or event, at the
   * donor's priority and quantum. Its time is handed back to the donor when the call returns.
   */
  Sc(Sc donor, Cpu target) {
    super(donor.kernel, Type.SC);
    this.ec = donor.ec;
    this.cpu = target;
    this.priority = donor.priority;
    this.quantumMicros = donor.quantumMicros;
    this.left = quantumNanos();
  }

  /** Returns whether this is a CPU's idle SC (priority 0, which no created SC can have). */
  boolean isIdle() {
    return priority == 0;
  }

  long quantumNanos() {
    return Math.multiplyHigh(quantumMicros, 1000) != 0 ? Long.MAX_VALUE : quantumMicros * 1000;
  }

  /** Charges {@code nanos} of CPU time to this SC and its current quantum. */
  void charge(long nanos) {
    consumedNanos += nanos;
    left -= nanos;
  }

  @Override
  void destroy() {
    kernel.scheduler.retire(this);
    Thread thread = ec.thread;
    if (ec.isDead() && thread != null) {
      LockSupport.unpark(thread); // a killed EC waiting to run again unwinds now (see Scheduler.awaitDispatch)
    }
    ec.release();
  }

  @Override
  public String toString() {
    return "SC of " + ec + " prio " + priority;
  }
}
