package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.PciConnection;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.Resource;
import java.util.Optional;

/**
 * The VGA controller (class 03h, subclass 00h) as a PCI session hands it out: {@link #find} walks the devices
 * in bus order, keeps the first whose class code says VGA and releases every other one.
 *
 * @param address the bus address
 * @param vendor the vendor ID
 * @param deviceId the device ID
 * @param bar0 base address register 0 with its flag bits cleared (the framebuffer of a QEMU std-VGA)
 */
record PciVga(BusAddress address, int vendor, int deviceId, long bar0) {
  /** The base class and subclass of a VGA-compatible controller. */
  static final int CLASS_VGA = 0x0300;

  /** The VGA device a PCI session handed out and holds: its client and what it is. */
  record Held(PciDevice device, PciVga vga) {}

  /** Returns what the VGA device {@code device} is. */
  static PciVga of(PciDevice device) {
    Resource bar0 = device.resource(0);
    return new PciVga(device.busAddress(), device.vendorId(), device.deviceId(), bar0.valid() ? bar0.base() : 0);
  }

  /** Walks the devices of {@code pci} for the first VGA, which the session keeps; the others are released. */
  static Optional<Held> find(PciConnection pci) {
    Capability<PciDevice> cap = pci.firstDevice();
    while (cap.valid()) {
      PciDevice device = pci.device(cap);
      if (device.classCode() >>> 8 == CLASS_VGA) {
        return Optional.of(new Held(device, of(device)));
      }
      Capability<PciDevice> next = pci.nextDevice(cap);
      pci.releaseDevice(cap);
      cap = next;
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return String.format("PCI %s %04x:%04x VGA, BAR0 0x%x", address, vendor, deviceId, bar0);
  }
}
