package io.github.genova.genode.os.hw;

import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * I/O ports through an IO_PORT session opened at the component's parent (Genode's {@code
 * Io_port_connection}): the server — core, at the end of the route — holds the range exclusively while the
 * connection is open and performs each access; an access outside the range reads 0 and writes nothing.
 * Usable from every thread of the component.
 */
public final class IoPortConnection implements IoPorts, AutoCloseable {
  /** RAM a client donates for an IO_PORT session. */
  public static final long RAM_QUOTA = 8 * 1024;
  /** Capabilities a client donates for an IO_PORT session. */
  public static final long CAP_QUOTA = 2;

  private final Connection<IoPortSession> connection;
  private final IoPortSession session;

  /**
   * Opens a session for the ports {@code [base, base + size)}.
   *
   * @throws ServiceDenied if no route leads to an IO_PORT service or the server refuses the range (core
   *     refuses ranges outside 0..0xffff and ranges another session holds, and logs why)
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public IoPortConnection(Env env, int base, int size)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, IoPortSession.class, IoPortSession.SERVICE_NAME, SessionArgs.empty()
        .with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA)
        .with("io_port_base", base).with("io_port_size", size));
    this.session = connection.session();
  }

  @Override
  public int inb(int port) {
    return session.inb(port) & 0xff;
  }

  @Override
  public void outb(int port, int value) {
    session.outb(port, value & 0xff);
  }

  /**
   * Returns the session itself, for accesses of 16 and 32 bits ({@code inw}, {@code inl}, {@code outw},
   * {@code outl}) besides the byte-wide ones of {@link IoPorts}.
   */
  public IoPortSession session() {
    return session;
  }

  /** Closes the session: the range is free for others again. Closing twice has no effect. */
  @Override
  public void close() {
    connection.close();
  }
}
