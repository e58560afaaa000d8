package io.github.genova.genode.os.pci;

/**
 * Where a PCI function sits: bus, device and function number, as configuration mechanism #1 selects it.
 *
 * @param bus 0..255
 * @param device 0..31
 * @param function 0..7
 */
public record BusAddress(int bus, int device, int function) {
  /**
   * Checks the ranges.
   *
   * @throws IllegalArgumentException naming the address if a part is out of range
   */
  public BusAddress {
    if (bus < 0 || bus > 255 || device < 0 || device > 31 || function < 0 || function > 7) {
      throw new IllegalArgumentException("no PCI bus address " + bus + ":" + device + "." + function);
    }
  }

  /** Returns the {@code 0x8000_0000 | bus << 16 | device << 11 | function << 8} part of a 0xCF8 address. */
  public int configAddress() {
    return 0x8000_0000 | bus << 16 | device << 11 | function << 8;
  }

  /** Returns {@code bb:dd.f} in hexadecimal, as Genode's and Linux's tools print it. */
  @Override
  public String toString() {
    return String.format("%02x:%02x.%x", bus, device, function);
  }
}
