package io.github.genova.genode.os.hw;

import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.io.IrqSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * An interrupt line through an IRQ session opened at the component's parent (Genode's classic {@code
 * Irq_connection}): {@link #waitForIrq()} is the session's {@code wait_for_irq}, which the server (core)
 * answers once per interrupt of the line. One thread of the component waits at a time.
 */
public final class IrqConnection implements Irq, AutoCloseable {
  /** RAM a client donates for an IRQ session. */
  public static final long RAM_QUOTA = 8 * 1024;
  /** Capabilities a client donates for an IRQ session (core serves each on an entrypoint of its own). */
  public static final long CAP_QUOTA = 3;

  private final Connection<IrqSession> connection;
  private final IrqSession session;

  /**
   * Opens a session for interrupt line {@code irq}.
   *
   * @throws ServiceDenied if no route leads to an IRQ service or the server refuses the line (core refuses
   *     unknown lines and lines another session holds, and logs why)
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public IrqConnection(Env env, int irq)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, IrqSession.class, IrqSession.SERVICE_NAME, SessionArgs.empty()
        .with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA).with("irq_number", irq));
    this.session = connection.session();
  }

  @Override
  public void waitForIrq() {
    session.waitForIrq();
  }

  /** Closes the session: the line is free for others again. Closing twice has no effect. */
  @Override
  public void close() {
    connection.close();
  }
}
