package io.github.genova.platform.device.pci;

import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import org.jspecify.annotations.Nullable;

/**
 * The PCI host bridge and bus 0. Configuration mechanism #1: a dword write to 0xCF8 selects
 * enable/bus/device/function/register, and byte, word or dword accesses at 0xCFC-0xCFF reach the selected
 * function's configuration space at that register plus the port's offset. A cycle for another bus is
 * forwarded through the PCI-to-PCI bridges whose secondary..subordinate range covers it, as their bus
 * number registers say; absent functions and buses no bridge leads to read all ones. The bridge itself is
 * function 00:00.0, an Intel 440FX (8086:1237); function 0 of a device reports the multi-function bit when
 * the device has more functions. Thread-safe.
 */
public final class PciHostBridge implements PortDevice {
  private final PciBus bus0 = new PciBus();
  private int address;

  private PciHostBridge() {
    bus0.add(0, 0, new PciFunction("i440FX host bridge", 0x8086, 0x1237, 0x060000, 0x02));
  }

  /** Attaches the host bridge to {@code machine}: ports 0xCF8-0xCFF, function 00:00.0. */
  public static PciHostBridge attach(Machine machine) {
    PciHostBridge bridge = new PciHostBridge();
    machine.ports().claim(0xcf8, 8, bridge);
    return bridge;
  }

  /**
   * Adds {@code function} at {@code at}: on bus 0, or on the bus behind the bridge whose bus numbers
   * currently lead to {@code at.bus()} (program them first with {@link PciFunction#busNumbers}).
   *
   * @throws IllegalArgumentException if the address is taken or no bridge leads to its bus
   */
  public synchronized void add(PciAddress at, PciFunction function) {
    PciBus bus = bus(at.bus());
    if (bus == null) {
      throw new IllegalArgumentException("no PCI-to-PCI bridge leads to bus " + at.bus() + " for " + at);
    }
    PciFunction present = bus.add(at.device(), at.function(), function);
    if (present != null) {
      throw new IllegalArgumentException("PCI " + at + " is already " + present);
    }
  }

  /** Returns the function a configuration cycle for {@code at} reaches, or null. */
  public synchronized @Nullable PciFunction function(PciAddress at) {
    PciBus bus = bus(at.bus());
    return bus == null ? null : bus.function(at.device(), at.function());
  }

  /**
   * Returns the bus a configuration cycle for bus {@code number} reaches: bus 0, or the one behind the chain
   * of bridges whose secondary..subordinate ranges cover it, each bridge's secondary bus above the bus it
   * sits on (so a misprogrammed loop ends); null when none does.
   */
  private @Nullable PciBus bus(int number) {
    PciBus bus = bus0;
    int current = 0;
    while (current != number) {
      PciBus next = null;
      for (PciFunction bridge : bus.bridges()) {
        int secondary = bridge.secondaryBus();
        if (secondary > current && secondary <= number && number <= bridge.subordinateBus()) {
          next = bridge.downstream();
          current = secondary;
          break;
        }
      }
      if (next == null) {
        return null;
      }
      bus = next;
    }
    return bus;
  }

  /** Reads configuration space as the guest would (host-side helper for drivers and tests). */
  public synchronized int configRead(PciAddress at, int offset, int size) {
    PciBus bus = bus(at.bus());
    PciFunction f = bus == null ? null : bus.function(at.device(), at.function());
    if (bus == null || f == null) {
      return size == 4 ? -1 : (1 << (8 * size)) - 1;
    }
    int v = f.read(offset, size);
    if (offset <= 0x0e && offset + size > 0x0e && at.function() == 0 && bus.hasMoreFunctions(at.device())) {
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
