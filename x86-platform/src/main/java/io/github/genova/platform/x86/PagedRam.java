package io.github.genova.platform.x86;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A {@link X86Memory} of plain on-heap RAM from address 0 up to a size, in 4 KiB pages allocated on first
 * write (unwritten pages read as zero); addresses beyond the size read all ones and ignore writes. It is the
 * memory for running a CPU standalone (tests, benchmarks, a VGA BIOS call) and hands its pages to the engine
 * through {@link #ramPage} (heap segments over the page arrays) for its TLB and instruction fetch.
 *
 * <p>Not thread-safe: use it from the thread that runs the CPU.
 */
public final class PagedRam implements X86Memory {
  private static final byte[] ZERO = new byte[4096];

  private final long size;
  private final byte[][] pages;
  private final MemorySegment[] segments;

  /**
   * Creates {@code size} bytes of zeroed RAM.
   *
   * @throws IllegalArgumentException if the size is not a positive multiple of 4 KiB up to 4 GiB
   */
  public PagedRam(long size) {
    if (size <= 0 || (size & 0xfff) != 0 || size > (1L << 32)) {
      throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB up to 4 GiB: " + size);
    }
    this.size = size;
    this.pages = new byte[(int) (size >>> 12)][];
    this.segments = new MemorySegment[pages.length];
  }

  /** Returns the RAM size in bytes. */
  public long size() {
    return size;
  }

  private byte[] page(long address) {
    int index = (int) (address >>> 12);
    byte[] p = pages[index];
    if (p == null) {
      p = new byte[4096];
      pages[index] = p;
    }
    return p;
  }

  @Override
  public int read8(long address) {
    if (address < 0 || address >= size) {
      return 0xff;
    }
    byte[] p = pages[(int) (address >>> 12)];
    return p == null ? 0 : p[(int) address & 0xfff] & 0xff;
  }

  @Override
  public void write8(long address, int value) {
    if (address >= 0 && address < size) {
      page(address)[(int) address & 0xfff] = (byte) value;
    }
  }

  @Override
  public int read16(long address) {
    if (address < 0 || address + 1 >= size) {
      return X86Memory.super.read16(address);
    }
    byte[] p = pages[(int) (address >>> 12)];
    if (p == null) {
      return 0;
    }
    int o = (int) address & 0xfff;
    return (p[o] & 0xff) | (p[o + 1] & 0xff) << 8;
  }

  @Override
  public int read32(long address) {
    if (address < 0 || address + 3 >= size) {
      return X86Memory.super.read32(address);
    }
    byte[] p = pages[(int) (address >>> 12)];
    if (p == null) {
      return 0;
    }
    int o = (int) address & 0xfff;
    return (p[o] & 0xff) | (p[o + 1] & 0xff) << 8 | (p[o + 2] & 0xff) << 16 | p[o + 3] << 24;
  }

  @Override
  public void write16(long address, int value) {
    if (address < 0 || address + 1 >= size) {
      X86Memory.super.write16(address, value);
      return;
    }
    byte[] p = page(address);
    int o = (int) address & 0xfff;
    p[o] = (byte) value;
    p[o + 1] = (byte) (value >>> 8);
  }

  @Override
  public void write32(long address, int value) {
    if (address < 0 || address + 3 >= size) {
      X86Memory.super.write32(address, value);
      return;
    }
    byte[] p = page(address);
    int o = (int) address & 0xfff;
    p[o] = (byte) value;
    p[o + 1] = (byte) (value >>> 8);
    p[o + 2] = (byte) (value >>> 16);
    p[o + 3] = (byte) (value >>> 24);
  }

  @Override
  public @Nullable MemorySegment ramPage(long address) {
    if (address < 0 || address >= size) {
      return null;
    }
    int index = (int) (address >>> 12);
    MemorySegment s = segments[index];
    if (s == null) {
      s = MemorySegment.ofArray(page(address));
      segments[index] = s;
    }
    return s;
  }

  /** Copies {@code bytes} into RAM at physical {@code address}. */
  public void load(long address, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      write8(address + i, bytes[i]);
    }
  }

  /** Zeroes all RAM (pages stay allocated). */
  public void clear() {
    for (byte[] p : pages) {
      if (p != null) {
        System.arraycopy(ZERO, 0, p, 0, 4096);
      }
    }
  }

  @Override
  public String toString() {
    return "PagedRam[" + size + " bytes, " + Arrays.stream(pages).filter(p -> p != null).count() + " pages]";
  }
}
