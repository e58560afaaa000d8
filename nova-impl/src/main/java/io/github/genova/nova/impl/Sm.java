package io.github.genova.nova.impl;

import io.github.genova.nova.api.Status;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * A semaphore: a counter and a FIFO of blocked ECs. {@code up} releases the oldest waiter or counts;
 * {@code down} takes a count or blocks, optionally until an absolute deadline. Interrupt semaphores belong
 * to the kernel, one per GSI: the interrupt performs the {@code up}, and a {@code down} re-enables the line.
 */
final class Sm extends Kobject implements Blocker {
  /** The GSI this semaphore signals, or -1 for an ordinary semaphore. */
  final int gsi;
  /** For an interrupt semaphore: the CPU its GSI is routed to ({@code assign_gsi}); the boot CPU at first. */
  volatile int routedCpu;
  /** An unsigned machine word, as in NOVA: 2^64 - 1 is a count, not -1. */
  private long counter;
  private final ArrayDeque<Ec> waiters = new ArrayDeque<>();

  Sm(NovaKernel kernel, long counter, int gsi) {
    super(kernel, Type.SM);
    this.counter = counter;
    this.gsi = gsi;
  }

  boolean isInterrupt() {
    return gsi >= 0;
  }

  /** Up: wake the oldest waiter, or increment the counter (wrapping, as the classic kernel does). */
  void up() {
    Ec waiter;
    synchronized (this) {
      waiter = waiters.poll();
      if (waiter == null) {
        counter++;
        return;
      }
    }
    waiter.wake(Status.SUCCESS);
  }

  /**
   * Down by {@code ec}: returns SUCCESS at once if the counter is not zero, else blocks until an up
   * (SUCCESS), the deadline (TIMEOUT) or the EC's death (ABORTED).
   */
  Status down(Ec ec, boolean zeroCount, long deadline) {
    if (isInterrupt()) {
      kernel.machine.interrupts().unmask(gsi);
    }
    synchronized (this) {
      if (counter != 0) {
        counter = zeroCount ? 0 : counter - 1;
        return Status.SUCCESS;
      }
      if (ec.isDead()) {
        return Status.ABORTED;
      }
      if (deadline != 0 && deadline <= kernel.nanos()) {
        return Status.TIMEOUT;
      }
      ec.prepareBlock(this);
      waiters.add(ec);
    }
    return ec.block(deadline);
  }

  @Override
  public synchronized boolean cancel(Ec waiter) {
    return waiters.remove(waiter);
  }

  /** Returns the counter. */
  synchronized long counter() {
    return counter;
  }

  /** Returns the oldest waiter, or null. */
  synchronized @Nullable Ec firstWaiter() {
    return waiters.peek();
  }

  @Override
  void destroy() {
    Ec waiter;
    while (true) {
      synchronized (this) {
        waiter = waiters.poll();
      }
      if (waiter == null) {
        return;
      }
      waiter.wake(Status.ABORTED);
    }
  }
}
