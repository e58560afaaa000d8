package io.github.genova.platform.device.vga;

import java.lang.foreign.MemorySegment;

/**
 * The Bochs VBE display interface (DISPI) register file: ID, resolution and depth, the enable register
 * with GETCAPS, 8-bit DAC, LFB and no-clear flags, the 64 KiB bank, the virtual screen and its offsets, and
 * the VRAM size. Values are checked as the Bochs and QEMU adapters check them: an unsupported resolution
 * or depth is ignored. Not thread-safe: the {@link Vga} serialises access.
 */
final class BochsDispi {
  static final int INDEX_ID = 0;
  static final int INDEX_XRES = 1;
  static final int INDEX_YRES = 2;
  static final int INDEX_BPP = 3;
  static final int INDEX_ENABLE = 4;
  static final int INDEX_BANK = 5;
  static final int INDEX_VIRT_WIDTH = 6;
  static final int INDEX_VIRT_HEIGHT = 7;
  static final int INDEX_X_OFFSET = 8;
  static final int INDEX_Y_OFFSET = 9;
  static final int INDEX_VIDEO_MEMORY_64K = 10;

  static final int ENABLED = 0x01;
  static final int GETCAPS = 0x02;
  static final int DAC_8BIT = 0x20;
  static final int LFB_ENABLED = 0x40;
  static final int NOCLEARMEM = 0x80;

  static final int ID0 = 0xb0c0;
  static final int ID5 = 0xb0c5;
  static final int MAX_XRES = 2560;
  static final int MAX_YRES = 1600;
  static final int MAX_BPP = 32;

  private final MemorySegment vram;
  private final int[] regs = new int[11];
  int index;

  BochsDispi(MemorySegment vram) {
    this.vram = vram;
    regs[INDEX_ID] = ID5;
    regs[INDEX_XRES] = 640;
    regs[INDEX_YRES] = 480;
    regs[INDEX_BPP] = 8;
    regs[INDEX_VIDEO_MEMORY_64K] = (int) (vram.byteSize() >> 16);
  }

  boolean enabled() {
    return (regs[INDEX_ENABLE] & ENABLED) != 0;
  }

  boolean dac8Bit() {
    return (regs[INDEX_ENABLE] & DAC_8BIT) != 0;
  }

  int bank() {
    return regs[INDEX_BANK];
  }

  int read() {
    if (index > INDEX_VIDEO_MEMORY_64K) {
      return 0;
    }
    if ((regs[INDEX_ENABLE] & GETCAPS) != 0) {
      switch (index) {
        case INDEX_XRES -> {
          return MAX_XRES;
        }
        case INDEX_YRES -> {
          return MAX_YRES;
        }
        case INDEX_BPP -> {
          return MAX_BPP;
        }
        default -> {}
      }
    }
    return regs[index];
  }

  void write(int value) {
    int v = value & 0xffff;
    switch (index) {
      case INDEX_ID -> {
        if (v >= ID0 && v <= ID5) {
          regs[INDEX_ID] = v;
        }
      }
      case INDEX_XRES -> {
        if (v <= MAX_XRES && (v & 7) == 0) {
          regs[INDEX_XRES] = v;
        }
      }
      case INDEX_YRES -> {
        if (v <= MAX_YRES) {
          regs[INDEX_YRES] = v;
        }
      }
      case INDEX_BPP -> {
        int bpp = v == 0 ? 8 : v;
        if (bpp == 4 || bpp == 8 || bpp == 15 || bpp == 16 || bpp == 24 || bpp == 32) {
          regs[INDEX_BPP] = bpp;
        }
      }
      case INDEX_BANK -> regs[INDEX_BANK] = (int) (v & ((vram.byteSize() >> 16) - 1));
      case INDEX_ENABLE -> writeEnable(v);
      case INDEX_VIRT_WIDTH -> {
        int pitch = pitchFor(v);
        if (v >= regs[INDEX_XRES] && pitch > 0 && vram.byteSize() / pitch >= regs[INDEX_YRES]) {
          regs[INDEX_VIRT_WIDTH] = v;
          regs[INDEX_VIRT_HEIGHT] = (int) Math.min(0xffff, vram.byteSize() / pitch);
        }
      }
      case INDEX_X_OFFSET, INDEX_Y_OFFSET -> regs[index] = v;
      default -> {} // VIRT_HEIGHT follows from VIRT_WIDTH; the memory size is read-only
    }
  }

  private void writeEnable(int v) {
    boolean wasEnabled = enabled();
    if ((v & ENABLED) != 0 && !wasEnabled) {
      int xres = regs[INDEX_XRES];
      int yres = regs[INDEX_YRES];
      int pitch = pitchFor(xres);
      if (xres == 0 || yres == 0 || (long) pitch * yres > vram.byteSize()) {
        return; // the mode does not fit: stay in VGA mode, as the adapters do
      }
      regs[INDEX_VIRT_WIDTH] = xres;
      regs[INDEX_VIRT_HEIGHT] = (int) Math.min(0xffff, vram.byteSize() / pitch);
      regs[INDEX_X_OFFSET] = 0;
      regs[INDEX_Y_OFFSET] = 0;
      if ((v & NOCLEARMEM) == 0) {
        vram.asSlice(0, (long) pitch * yres).fill((byte) 0);
      }
      regs[INDEX_BANK] = 0;
    }
    regs[INDEX_ENABLE] = v & (ENABLED | GETCAPS | DAC_8BIT | LFB_ENABLED | NOCLEARMEM);
  }

  /** Returns the bytes per row of a virtual screen {@code width} pixels wide at the current depth. */
  int pitchFor(int width) {
    int bpp = regs[INDEX_BPP];
    return bpp == 4 ? width / 2 : width * ((bpp + 7) / 8);
  }

  DisplayMode mode() {
    int pitch = pitchFor(regs[INDEX_VIRT_WIDTH]);
    int bpp = regs[INDEX_BPP];
    long start = (long) regs[INDEX_Y_OFFSET] * pitch
        + (bpp == 4 ? regs[INDEX_X_OFFSET] / 2 : (long) regs[INDEX_X_OFFSET] * ((bpp + 7) / 8));
    return new DisplayMode(false, regs[INDEX_XRES], regs[INDEX_YRES], bpp, pitch, start);
  }
}
