package io.github.genova.nova.api;

import java.time.Duration;

/**
 * A booted NOVA kernel: a machine with its kernel objects, ready to run a root task. The root task is
 * host code running as the root PD's first EC (a global EC with an SC on the boot CPU), holding the root
 * PD, EC and SC capabilities at selectors 32, 33 and 34, with the HIP mapped in the top user page.
 *
 * <p>Closing the kernel kills every EC and frees the machine.
 */
public interface Kernel extends AutoCloseable {
  /** Returns the hypervisor information page. */
  Hip hip();

  /** Returns the execution mode. */
  ExecutionMode mode();

  /** Returns the kernel clock in nanoseconds (virtual in deterministic mode). */
  long nanos();

  /**
   * Starts the root task on the boot CPU and returns at once.
   *
   * @throws IllegalStateException if a root task was started before
   */
  void start(HostCode rootTask);

  /**
   * Makes the calling thread the root EC instead, and returns its hypercall gate: an embedder (a tool, a
   * benchmark) drives the kernel from its own thread as the root task. The thread stays the root EC until
   * the kernel is closed; it runs only while the scheduler dispatches the root SC, so it blocks in kernel
   * entries like any EC.
   *
   * @throws IllegalStateException if a root task was started before
   */
  Hypercalls attachRoot();

  /**
   * Waits until the root task's code has returned, and rethrows what it threw.
   *
   * @return true if it returned within {@code timeout} (wall time), false otherwise
   * @throws RootTaskFailure if the root task threw
   * @throws InterruptedException if the waiting thread is interrupted
   */
  boolean awaitRoot(Duration timeout) throws InterruptedException;

  /**
   * Starts the root task, waits for it and rethrows what it threw.
   *
   * @throws RootTaskFailure if it threw, or did not finish within {@code timeout}
   */
  default void runRoot(HostCode rootTask, Duration timeout) {
    start(rootTask);
    try {
      if (!awaitRoot(timeout)) {
        throw new RootTaskFailure("the root task did not finish within " + timeout, null);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RootTaskFailure("interrupted while waiting for the root task", e);
    }
  }

  /** Stops every EC and frees the machine. */
  @Override
  void close();
}
