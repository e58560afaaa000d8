package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.io.IoPortSession;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.Optional;

/**
 * The VGA controller (class 03h, subclass 00h) as a scan of PCI configuration space finds it through
 * mechanism #1 ({@code 0x8000_0000 | bus << 16 | device << 11 | function << 8 | register} written to 0xCF8,
 * the dword read at 0xCFC). The scan starts at bus 0 and descends into PCI-to-PCI bridges (header type 1,
 * secondary bus at 0x19); a function whose vendor reads 0xFFFF is absent and skipped, and functions 1-7 are
 * looked at only when function 0 says it is multi-function.
 *
 * @param bus the bus number
 * @param device the device number
 * @param function the function number
 * @param vendor the vendor ID
 * @param deviceId the device ID
 * @param bar0 base address register 0 with its flag bits cleared (the framebuffer of a QEMU std-VGA)
 */
record PciVga(int bus, int device, int function, int vendor, int deviceId, long bar0) {
  /** The configuration address port. */
  static final int CONFIG_ADDRESS = 0xcf8;
  /** The configuration data port. */
  static final int CONFIG_DATA = 0xcfc;
  /** The ports an IO_PORT session for the scan covers: 0xCF8-0xCFF. */
  static final int PORTS = 8;
  private static final int ABSENT = 0xffff;

  /** Scans configuration space through {@code ports} (a session for 0xCF8-0xCFF) for the first VGA. */
  static Optional<PciVga> scan(IoPortSession ports) {
    BitSet seen = new BitSet(256);
    Deque<Integer> buses = new ArrayDeque<>();
    buses.add(0);
    while (!buses.isEmpty()) {
      int bus = buses.poll();
      if (seen.get(bus)) {
        continue;
      }
      seen.set(bus);
      for (int dev = 0; dev < 32; dev++) {
        for (int fn = 0; fn < 8; fn++) {
          int id = read(ports, bus, dev, fn, 0x00);
          if ((id & 0xffff) == ABSENT) {
            if (fn == 0) {
              break; // no device: its other functions are not looked at
            }
            continue;
          }
          int header = read(ports, bus, dev, fn, 0x0c) >>> 16 & 0xff;
          int classCode = read(ports, bus, dev, fn, 0x08) >>> 16;
          if (classCode == 0x0300) {
            long bar = read(ports, bus, dev, fn, 0x10) & 0xffff_fff0L;
            return Optional.of(new PciVga(bus, dev, fn, id & 0xffff, id >>> 16, bar));
          }
          if ((header & 0x7f) == 1) {
            buses.add(read(ports, bus, dev, fn, 0x18) >>> 8 & 0xff);
          }
          if (fn == 0 && (header & 0x80) == 0) {
            break; // single-function device
          }
        }
      }
    }
    return Optional.empty();
  }

  private static int read(IoPortSession ports, int bus, int dev, int fn, int reg) {
    ports.outl(CONFIG_ADDRESS, 0x8000_0000 | bus << 16 | dev << 11 | fn << 8 | (reg & 0xfc));
    return ports.inl(CONFIG_DATA);
  }

  @Override
  public String toString() {
    return String.format("PCI %02x:%02x.%x %04x:%04x VGA, BAR0 0x%x", bus, device, function, vendor, deviceId,
        bar0);
  }
}
