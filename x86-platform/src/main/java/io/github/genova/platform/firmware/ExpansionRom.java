package io.github.genova.platform.firmware;

/**
 * A device that carries an expansion ROM, as a PCI card does behind its ROM BAR: the system BIOS copies
 * the image into the option ROM area at POST and runs its init entry ({@link SystemBios#post}).
 */
public interface ExpansionRom {
  /**
   * Returns the ROM image (a fresh copy): 55 AA, the length in 512-byte blocks, the init entry at offset 3,
   * and bytes that sum to 0 modulo 256.
   */
  byte[] expansionRom();
}
