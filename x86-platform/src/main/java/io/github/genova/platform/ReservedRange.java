package io.github.genova.platform;

/**
 * RAM that the machine's firmware keeps for itself, as one entry of type "reserved" in a PC's e820 map: the
 * frames stay RAM the host can map (the firmware's tables and shadowed ROMs live in them), but they are not
 * free memory for an operating system to allocate.
 *
 * @param base first physical address, 4 KiB aligned
 * @param length size in bytes, a multiple of 4 KiB
 * @param name what the firmware keeps there (e.g. {@code "option ROM area"})
 */
public record ReservedRange(long base, long length, String name) {
  /** Returns the first address after the range. */
  public long end() {
    return base + length;
  }

  @Override
  public String toString() {
    return "[0x" + Long.toHexString(base) + ", 0x" + Long.toHexString(end()) + ") " + name;
  }
}
