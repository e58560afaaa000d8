package io.github.genova.platform.device.pci;

/**
 * A PCI function's bus/device/function address.
 *
 * @param bus 0..255
 * @param device 0..31
 * @param function 0..7
 */
public record PciAddress(int bus, int device, int function) {
  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException if a part is out of range
   */
  public PciAddress {
    if (bus < 0 || bus > 255 || device < 0 || device > 31 || function < 0 || function > 7) {
      throw new IllegalArgumentException("no PCI address " + bus + ":" + device + "." + function);
    }
  }

  /** Returns the 16-bit bus/device/function number (bus in bits 15-8, device 7-3, function 2-0). */
  public int bdf() {
    return bus << 8 | device << 3 | function;
  }

  @Override
  public String toString() {
    return String.format("%02x:%02x.%x", bus, device, function);
  }
}
