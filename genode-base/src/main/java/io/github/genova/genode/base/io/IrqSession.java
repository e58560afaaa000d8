package io.github.genova.genode.base.io;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * An IRQ session (Genode's classic {@code Irq_session}) for the line {@code irq_number}: {@link #waitForIrq()}
 * returns once per interrupt of the line. Core serves each IRQ session on an entrypoint of its own, which
 * waits on the kernel's GSI semaphore of the line.
 */
public interface IrqSession {
  /** The service name. */
  String SERVICE_NAME = "IRQ";

  /** Blocks until the next interrupt of the line (one that came since the previous return counts at once). */
  @RpcFunction(0)
  void waitForIrq();
}
