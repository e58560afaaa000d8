package io.github.genova.genode.os.pci;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A client's PCI session (Genode's {@code Pci::Connection}): opened at the component's parent, with the
 * session's functions and a client for each device capability it hands out. One thread at a time uses a
 * connection. {@link #close()} closes the session, which releases every device it still holds.
 */
public final class PciConnection implements AutoCloseable {
  /** RAM a client donates for a PCI session. */
  public static final long RAM_QUOTA = 16 * 1024;
  /** Capabilities a client donates for a PCI session: the session object and a spare. */
  public static final long CAP_QUOTA = 2;

  private final Connection<PciSession> connection;
  private final PciSession session;

  /**
   * Opens a PCI session through the parent of {@code env}'s component.
   *
   * @throws ServiceDenied if no route leads to a PCI service or the server refuses
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public PciConnection(Env env) throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, PciSession.class, PciSession.SERVICE_NAME,
        SessionArgs.empty().with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA));
    this.session = connection.session();
  }

  /** See {@link PciSession#firstDevice()}. */
  public Capability<PciDevice> firstDevice() {
    return session.firstDevice();
  }

  /** See {@link PciSession#nextDevice}. */
  public Capability<PciDevice> nextDevice(Capability<PciDevice> prev) {
    return session.nextDevice(prev);
  }

  /** See {@link PciSession#releaseDevice}. */
  public void releaseDevice(Capability<PciDevice> device) {
    session.releaseDevice(device);
  }

  /** Returns the client of {@code device}, a capability this session handed out. */
  public PciDevice device(Capability<PciDevice> device) {
    return RpcInterface.of(PciDevice.class).client(device);
  }

  /** Closes the session; the devices it held are free for other sessions. Closing twice has no effect. */
  @Override
  public void close() {
    connection.close();
  }
}
