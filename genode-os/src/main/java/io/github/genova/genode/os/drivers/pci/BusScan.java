package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.os.pci.BusAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * The scan of the PCI buses: bus 0 first, then every bus a PCI-to-PCI bridge leads to (its secondary bus
 * number, register 0x19), each bus once. On a bus, device by device: a function whose vendor ID reads 0xFFFF
 * is absent (function 0 absent means no device, whose other functions are not looked at); functions 1-7 are
 * looked at only when function 0's header type has the multi-function bit (0x80). Each function found is
 * identified and its BARs decoded and sized ({@link BarDecoder}). The result lies in bus order.
 */
final class BusScan {
  private static final int ABSENT = 0xffff;
  private static final int MULTI_FUNCTION = 0x80;

  private BusScan() {}

  /** Returns the functions on the buses reachable from bus 0, ordered by bus, device and function. */
  static List<DeviceConfig> scan(ConfigAccess config) {
    List<DeviceConfig> found = new ArrayList<>();
    BitSet scanned = new BitSet(256);
    BitSet pending = new BitSet(256);
    pending.set(0);
    for (int bus = pending.nextSetBit(0); bus >= 0; bus = pending.nextSetBit(0)) {
      pending.clear(bus);
      scanned.set(bus);
      for (DeviceConfig d : scanBus(config, bus)) {
        found.add(d);
        if (d.bridge()) {
          int secondary = config.read(d.address(), 0x19, 1);
          if (!scanned.get(secondary)) {
            pending.set(secondary);
          }
        }
      }
    }
    found.sort(Comparator.comparingInt((DeviceConfig d) -> d.address().bus())
        .thenComparingInt(d -> d.address().device()).thenComparingInt(d -> d.address().function()));
    return found;
  }

  private static List<DeviceConfig> scanBus(ConfigAccess config, int bus) {
    List<DeviceConfig> found = new ArrayList<>();
    for (int dev = 0; dev < 32; dev++) {
      for (int fn = 0; fn < 8; fn++) {
        BusAddress at = new BusAddress(bus, dev, fn);
        int vendor = config.read(at, 0x00, 2);
        if (vendor == ABSENT) {
          if (fn == 0) {
            break;
          }
          continue;
        }
        int header = config.read(at, 0x0e, 1);
        int type = header & ~MULTI_FUNCTION;
        found.add(new DeviceConfig(at, vendor, config.read(at, 0x02, 2), config.read(at, 0x08, 4) >>> 8, type,
            BarDecoder.decode(config, at, DeviceConfig.barCount(type))));
        if (fn == 0 && (header & MULTI_FUNCTION) == 0) {
          break;
        }
      }
    }
    return found;
  }
}
