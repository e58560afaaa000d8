package io.github.genova.genode.os.drivers.vesa;

/**
 * A VBE mode as function 4F01h describes it (the fields of the mode information block {@code vesa_drv}
 * uses).
 *
 * @param number the mode number
 * @param attributes ModeAttributes (offset 0x00)
 * @param bytesPerScanLine the pitch (0x10)
 * @param width XResolution (0x12)
 * @param height YResolution (0x14)
 * @param bitsPerPixel BitsPerPixel (0x19)
 * @param memoryModel MemoryModel (0x1B; 6 = direct colour)
 * @param physBasePtr PhysBasePtr (0x28), the linear framebuffer's physical address
 */
record VbeMode(int number, int attributes, int bytesPerScanLine, int width, int height, int bitsPerPixel,
    int memoryModel, long physBasePtr) {
  /** The attributes a usable mode has: supported (0x01), graphics (0x10), linear framebuffer (0x80). */
  static final int REQUIRED_ATTRIBUTES = 0x91;

  /** Reads the mode information block of mode {@code number} at {@code address} of {@code memory}. */
  static VbeMode read(int number, RealModeMemory memory, long address) {
    return new VbeMode(number, memory.read16(address), memory.read16(address + 0x10),
        memory.read16(address + 0x12), memory.read16(address + 0x14), memory.read8(address + 0x19),
        memory.read8(address + 0x1b), memory.read32(address + 0x28) & 0xffff_ffffL);
  }

  /** Returns whether the mode is {@code width × height × depth} and usable with a linear framebuffer. */
  boolean matches(int w, int h, int depth) {
    return width == w && height == h && bitsPerPixel == depth
        && (attributes & REQUIRED_ATTRIBUTES) == REQUIRED_ATTRIBUTES;
  }
}
