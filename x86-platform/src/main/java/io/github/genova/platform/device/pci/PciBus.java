package io.github.genova.platform.device.pci;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The slots of one PCI bus: 32 devices of 8 functions each. Bus 0 belongs to the {@link PciHostBridge}; every
 * other bus lies behind a PCI-to-PCI bridge function ({@link PciFunction#bridge}), and which number it has
 * is whatever that bridge's secondary bus register says. Not thread-safe: the host bridge serialises access.
 */
final class PciBus {
  private final @Nullable PciFunction[] slots = new PciFunction[256];

  /** Puts {@code function} into slot {@code device}.{@code fn}; returns what was there (null if empty). */
  @Nullable PciFunction add(int device, int fn, PciFunction function) {
    PciFunction present = slots[device << 3 | fn];
    if (present == null) {
      slots[device << 3 | fn] = function;
    }
    return present;
  }

  /** Returns the function in slot {@code device}.{@code fn}, or null. */
  @Nullable PciFunction function(int device, int fn) {
    return slots[device << 3 | fn];
  }

  /** Returns whether {@code device} has a function other than 0. */
  boolean hasMoreFunctions(int device) {
    for (int fn = 1; fn < 8; fn++) {
      if (slots[device << 3 | fn] != null) {
        return true;
      }
    }
    return false;
  }

  /** Returns the PCI-to-PCI bridges on this bus, in slot order. */
  List<PciFunction> bridges() {
    List<PciFunction> bridges = new ArrayList<>();
    for (PciFunction f : slots) {
      if (f != null && f.downstream() != null) {
        bridges.add(f);
      }
    }
    return bridges;
  }
}
