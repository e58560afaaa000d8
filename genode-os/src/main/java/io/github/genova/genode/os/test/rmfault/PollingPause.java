package io.github.genova.genode.os.test.rmfault;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.nova.NativeThread;

/**
 * The pause in a loop that polls shared memory: a kernel entry that returns at once (a down of a private
 * semaphore whose deadline has passed). Host code is preempted only at kernel entries, so a loop that only
 * reads memory would keep its CPU forever; with this pause in it, the scheduler may run the thread the loop
 * waits for, as a timer interrupt would preempt the same loop on real hardware.
 */
final class PollingPause {
  /** A deadline long past: the down never waits. */
  private static final long PAST = 1;

  private final long semaphore;

  /** Creates the pause with a semaphore of {@code env}'s PD. */
  PollingPause(Env env) {
    this.semaphore = env.pd().createSemaphore(0);
  }

  /** Enters the kernel once, where the calling thread may be preempted. */
  void pass() {
    NativeThread.current().gate().smDown(semaphore, false, PAST);
  }
}
