package io.github.genova.platform.device.chipset;

import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.Machine;
import io.github.genova.platform.MmioDevice;

/**
 * The system BIOS ROM as the i440FX maps it: the image sits at the top of the 4 GiB address space, where
 * the CPU's reset vector (physical FFFFFFF0h) fetches from it, and a shadow copy sits in RAM just below
 * 1 MiB (F0000h-FFFFFh for a 64 KiB image), where the BIOS runs after its first far jump. The shadow is
 * writable RAM, as after a BIOS has set the PAM registers to shadow mode. The top mapping reads the image
 * and ignores writes. Thread-safe (immutable).
 */
public final class BiosRom implements MmioDevice {
  /** The largest image: 128 KiB, the E0000h-FFFFFh shadow area. */
  public static final int MAX_SIZE = 128 << 10;

  private final byte[] image;

  private BiosRom(byte[] image) {
    this.image = image;
  }

  /**
   * Returns a factory that maps {@code image} (copied now) at the top of 4 GiB and shadows it below 1 MiB.
   *
   * @throws IllegalArgumentException if the image is empty, larger than {@link #MAX_SIZE} or not a
   *     multiple of 4 KiB
   */
  public static DeviceFactory<BiosRom> of(byte[] image) {
    if (image.length == 0 || image.length > MAX_SIZE || image.length % 4096 != 0) {
      throw new IllegalArgumentException(
          "a BIOS image must be 4 KiB to 128 KiB in whole 4 KiB pages: " + image.length + " bytes");
    }
    byte[] copy = image.clone();
    return machine -> attach(machine, copy);
  }

  private static BiosRom attach(Machine machine, byte[] image) {
    BiosRom rom = new BiosRom(image);
    long size = image.length;
    machine.mmio().claim((1L << 32) - size, size, "BIOS ROM", rom);
    machine.physical().load((1L << 20) - size, image);
    return rom;
  }

  /** Returns the image size in bytes. */
  public int size() {
    return image.length;
  }

  @Override
  public long read(long offset, int size) {
    long v = 0;
    for (int i = size - 1; i >= 0; i--) {
      long at = offset + i;
      v = v << 8 | (at < image.length ? image[(int) at] & 0xffL : 0xffL);
    }
    return v;
  }

  @Override
  public void write(long offset, int size, long value) {
    // ROM: writes are ignored.
  }
}
