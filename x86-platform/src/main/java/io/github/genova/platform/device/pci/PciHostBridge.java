package io.github.genova.platform.device.pci;

import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import org.jspecify.annotations.Nullable;

/**
 * The PCI host bridge and bus 0. Configuration mechanism #1: a dword write to 0xCF8 selects
 * enable/bus/device/function/register, and byte, word or dword accesses at 0xCFC-0xCFF reach the selected
 * function's configuration space at that register plus the port's offset. Absent functions and other
 * buses read all ones. The bridge itself is function 00:00.0, an Intel 440FX (8086:1237); function 0 of a
 * device reports the multi-function bit when the device has more functions. Thread-safe.
 */
public final class PciHostBridge implements PortDevice {
  private final @Nullable PciFunction[] bus0 = new PciFunction[256];
  private int address;

  private PciHostBridge() {
    PciFunction self = new PciFunction("i440FX host bridge", 0x8086, 0x1237, 0x060000, 0x02);
    bus0[0] = self;
  }

  /** Attaches the host bridge to {@code machine}: ports 0xCF8-0xCFF, function 00:00.0. */
  public static PciHostBridge attach(Machine machine) {
    PciHostBridge bridge = new PciHostBridge();
    machine.ports().claim(0xcf8, 8, bridge);
    return bridge;
  }

  /**
   * Adds {@code function} at {@code at} on bus 0.
   *
   * @throws IllegalArgumentException if the address is taken or not on bus 0
   */
  public synchronized void add(PciAddress at, PciFunction function) {
    if (at.bus() != 0) {
      throw new IllegalArgumentException("only bus 0 is implemented: " + at);
    }
    PciFunction present = bus0[at.bdf()];
    if (present != null) {
      throw new IllegalArgumentException("PCI " + at + " is already " + present);
    }
    bus0[at.bdf()] = function;
  }

  /** Returns the function at {@code at}, or null. */
  public synchronized @Nullable PciFunction function(PciAddress at) {
    return at.bus() == 0 ? bus0[at.bdf()] : null;
  }

  /** Reads configuration space as the guest would (host-side helper for drivers and tests). */
  public synchronized int configRead(PciAddress at, int offset, int size) {
    PciFunction f = function(at);
    if (f == null) {
      return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }
    int v = f.read(offset, size);
    if (offset <= 0x0e && offset + size > 0x0e && at.function() == 0 && hasMoreFunctions(at.device())) {
      v |= 0x80 << (8 * (0x0e - offset));
    }
    return v;
  }

  /** Writes configuration space as the guest would. */
  public synchronized void configWrite(PciAddress at, int offset, int size, int value) {
    PciFunction f = function(at);
    if (f != null) {
      f.write(offset, size, value);
    }
  }

  private boolean hasMoreFunctions(int device) {
    for (int fn = 1; fn < 8; fn++) {
      if (bus0[device << 3 | fn] != null) {
        return true;
      }
    }
    return false;
  }

  @Override
  public synchronized int in(int port, int size) {
    if (port < 0xcfc) {
      return port == 0xcf8 && size == 4 ? address : -1;
    }
    if ((address & 0x8000_0000) == 0) {
      return -1;
    }
    int offset = (address & 0xfc) + (port - 0xcfc);
    return configRead(selected(), offset, Math.min(size, 4 - (port - 0xcfc)));
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    if (port < 0xcfc) {
      if (port == 0xcf8 && size == 4) {
        address = value & 0x80ff_fffc;
      }
      return;
    }
    if ((address & 0x8000_0000) != 0) {
      int offset = (address & 0xfc) + (port - 0xcfc);
      configWrite(selected(), offset, Math.min(size, 4 - (port - 0xcfc)), value);
    }
  }

  private PciAddress selected() {
    return new PciAddress((address >>> 16) & 0xff, (address >>> 11) & 0x1f, (address >>> 8) & 7);
  }

  @Override
  public String toString() {
    return "PCI host bridge";
  }
}
