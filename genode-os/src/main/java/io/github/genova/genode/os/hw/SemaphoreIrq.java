package io.github.genova.genode.os.hw;

import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Status;

/**
 * An interrupt line on NOVA: the kernel's interrupt semaphore of a GSI, delegated to the driver's PD and
 * routed with {@code assign_gsi}. The kernel ups it once per interrupt (the line stays masked until the
 * next down), so {@link #waitForIrq()} is one semaphore down.
 */
public final class SemaphoreIrq implements Irq {
  private final long semaphore;

  /**
   * Wraps the interrupt semaphore at selector {@code semaphore} of the caller's PD and routes its GSI to the
   * calling thread's CPU.
   *
   * @throws IllegalStateException if {@code assign_gsi} fails (the selector names no interrupt semaphore)
   */
  public SemaphoreIrq(long semaphore) {
    this.semaphore = semaphore;
    NativeThread me = NativeThread.current();
    Status s = me.gate().assignGsi(semaphore, 0, me.gate().cpu());
    if (s != Status.SUCCESS) {
      throw new IllegalStateException("assign_gsi on selector 0x" + Long.toHexString(semaphore) + " failed: " + s);
    }
  }

  @Override
  public void waitForIrq() {
    Status s = NativeThread.current().gate().smDown(semaphore, false, 0);
    if (s != Status.SUCCESS) {
      throw new IllegalStateException("waiting for the interrupt failed: " + s);
    }
  }
}
