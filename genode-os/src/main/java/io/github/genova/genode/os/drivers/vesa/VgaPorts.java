package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.hw.IoPortConnection;
import io.github.genova.platform.x86.IoPorts;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The interpreter's I/O ports: the VGA's register ranges, each through an IO_PORT session the driver holds
 * at its parent (core, at the end of the route), so every {@code in}/{@code out} of the video BIOS is
 * performed on the machine; the PCI configuration ports 0xCF8-0xCFF emulated through the PCI session for the
 * VGA device ({@link PciConfigPorts}) when the driver has one. Any other port, and 0xCF8-0xCFF without a PCI
 * session, reads all ones and ignores writes, with a warning the first time it is touched.
 */
final class VgaPorts implements IoPorts, AutoCloseable {
  /** A range of ports {@code [base, base + size)}. */
  record Range(int base, int size) {
    boolean contains(int port) {
      return port >= base && port < base + size;
    }

    @Override
    public String toString() {
      return "0x" + Integer.toHexString(base) + "-0x" + Integer.toHexString(base + size - 1);
    }
  }

  /** The VGA registers (MDA/CGA/EGA/VGA ranges 0x3B0-0x3DF) and the Bochs DISPI index/data ports. */
  static final List<Range> RANGES = List.of(new Range(0x3b0, 0x30), new Range(0x1ce, 3));

  private final List<Range> ranges = new ArrayList<>();
  private final List<IoPortConnection> sessions = new ArrayList<>();
  private final @Nullable PciConfigPorts pci;
  private final BitSet warned = new BitSet(0x10000);
  private final Log log;

  /**
   * Opens an IO_PORT session for each of {@link #RANGES}; {@code pci}, if not null, answers 0xCF8-0xCFF.
   *
   * @throws ServiceDenied naming the range if a session is refused (the ports are another driver's, or no
   *     route leads to IO_PORT); the sessions opened before are closed
   */
  VgaPorts(Env env, @Nullable PciConfigPorts pci)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.log = env.log();
    this.pci = pci;
    try {
      for (Range r : RANGES) {
        try {
          sessions.add(new IoPortConnection(env, r.base(), r.size()));
        } catch (ServiceDenied e) {
          throw new ServiceDenied("I/O ports " + r + " refused: " + e.getMessage());
        }
        ranges.add(r);
      }
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      close();
      throw e;
    }
  }

  private @Nullable IoPortSession session(int port) {
    for (int i = 0; i < ranges.size(); i++) {
      if (ranges.get(i).contains(port)) {
        return sessions.get(i).session();
      }
    }
    return null;
  }

  @Override
  public int in(int port, int size) {
    PciConfigPorts config = pci;
    if (config != null && PciConfigPorts.covers(port)) {
      return config.in(port, size);
    }
    IoPortSession s = session(port);
    if (s == null) {
      outside(port, "read");
      return size == 4 ? -1 : (1 << (size * 8)) - 1;
    }
    return switch (size) {
      case 1 -> s.inb(port) & 0xff;
      case 2 -> s.inw(port) & 0xffff;
      default -> s.inl(port);
    };
  }

  @Override
  public void out(int port, int size, int value) {
    PciConfigPorts config = pci;
    if (config != null && PciConfigPorts.covers(port)) {
      config.out(port, size, value);
      return;
    }
    IoPortSession s = session(port);
    if (s == null) {
      outside(port, "write");
      return;
    }
    switch (size) {
      case 1 -> s.outb(port, value & 0xff);
      case 2 -> s.outw(port, value & 0xffff);
      default -> s.outl(port, value);
    }
  }

  private void outside(int port, String access) {
    if (!warned.get(port & 0xffff)) {
      warned.set(port & 0xffff);
      log.warning("video BIOS " + access + " of port 0x" + Integer.toHexString(port)
          + " outside the VGA's ranges " + RANGES + " ignored");
    }
  }

  /** Closes every session: the ranges are free for others again. */
  @Override
  public void close() {
    sessions.forEach(IoPortConnection::close);
    sessions.clear();
    ranges.clear();
  }
}
