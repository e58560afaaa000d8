package io.github.genova.platform;

/**
 * One claim on the {@link MmioBus}: the physical range {@code [base, base + length)} and its device.
 *
 * @param base first physical address
 * @param length size in bytes
 * @param name what the range is, for the machine's memory map (e.g. {@code "VGA linear framebuffer"})
 * @param device the handler
 */
public record MmioRegion(long base, long length, String name, MmioDevice device) {
  /** Returns whether {@code address} lies in this range. */
  public boolean contains(long address) {
    return address - base >= 0 && address - base < length;
  }

  /** Returns the first address after the range. */
  public long end() {
    return base + length;
  }
}
