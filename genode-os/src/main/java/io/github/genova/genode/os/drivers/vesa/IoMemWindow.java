package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.AttachedDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.io.IoMemSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * Device memory {@code [base, base + size)} through an IO_MEM session at the driver's parent, attached
 * writable to the driver's address space ({@link #address()} is where {@code base} lies). Closing detaches
 * it and closes the session, so core revokes the mappings.
 */
final class IoMemWindow implements AutoCloseable {
  private static final long RAM_QUOTA = 6 * 1024;
  private static final long CAP_QUOTA = 3;

  private final Connection<IoMemSession> connection;
  private final Capability<Dataspace> dataspace;
  private final AttachedDataspace attached;
  private final long address;

  /**
   * Opens and attaches the range.
   *
   * @throws ServiceDenied if core refuses the range (RAM, no device, in use) or it cannot be attached
   */
  IoMemWindow(Env env, long base, long size)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, IoMemSession.class, IoMemSession.SERVICE_NAME, SessionArgs.empty()
        .with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA)
        .with("base", base).with("size", size).with("wc", false));
    this.dataspace = connection.session().dataspace();
    this.attached = AttachedDataspace.ofSession(env, connection, dataspace, true, "IO_MEM " + range(base, size));
    this.address = attached.address() + (base & 0xfff);
  }

  /** Returns the dataspace of the range (its first page), to hand to a client. */
  Capability<Dataspace> dataspace() {
    return dataspace;
  }

  /** Returns where the range's first byte lies in the driver's address space. */
  long address() {
    return address;
  }

  static String range(long base, long size) {
    return "[0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(base + size) + ")";
  }

  @Override
  public void close() {
    attached.close();
    connection.close();
  }
}
