package io.github.genova.platform;

import io.github.genova.platform.x86.X86Memory;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.Nullable;

/**
 * The machine's physical address space as a CPU sees it: each access goes to RAM or to the device that
 * claims the address on the {@link MmioBus}; anything else reads all ones. This is the slow path of a CPU
 * engine (its TLB caches RAM frames from {@link PhysicalMemory#frame}) and the way host code pokes at
 * guest-physical memory, loads ROM images or inspects a text screen. Accesses may be unaligned and may
 * cross frames; a cross-frame access is split into bytes, which is what a device behind it would see.
 *
 * <p>It is also the memory an x86 CPU of the machine runs on ({@link X86Memory}): the engine's TLB takes
 * RAM frames straight from {@link #ramPage} (the off-heap segments of {@link PhysicalMemory}, no copy) and
 * sends everything else, MMIO and unbacked addresses, through the sized accessors.
 */
public final class PhysicalBus implements X86Memory {
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final PhysicalMemory memory;
  private final MmioBus mmio;

  /** Creates the address space over {@code memory} and {@code mmio}. */
  public PhysicalBus(PhysicalMemory memory, MmioBus mmio) {
    this.memory = memory;
    this.mmio = mmio;
  }

  /**
   * Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}, little endian, zero-extended.
   *
   * @throws IllegalArgumentException if {@code size} is not 1, 2, 4 or 8
   */
  public long read(long address, int size) {
    long mask = sizeMask(size);
    int offset = (int) (address & (PhysicalMemory.FRAME_SIZE - 1));
    if (offset + size > PhysicalMemory.FRAME_SIZE) {
      long v = 0;
      for (int i = 0; i < size; i++) {
        v |= read(address + i, 1) << (8 * i);
      }
      return v;
    }
    long pfn = address >>> PhysicalMemory.FRAME_SHIFT;
    if (!memory.isRam(pfn)) {
      return mmio.read(address, size);
    }
    MemorySegment f = memory.frame(pfn);
    return switch (size) {
      case 1 -> f.get(ValueLayout.JAVA_BYTE, offset) & 0xffL;
      case 2 -> f.get(SHORT, offset) & 0xffffL;
      case 4 -> f.get(INT, offset) & 0xffff_ffffL;
      default -> f.get(LONG, offset) & mask;
    };
  }

  /**
   * Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} at {@code address}, little endian.
   *
   * @throws IllegalArgumentException if {@code size} is not 1, 2, 4 or 8
   */
  public void write(long address, int size, long value) {
    sizeMask(size);
    int offset = (int) (address & (PhysicalMemory.FRAME_SIZE - 1));
    if (offset + size > PhysicalMemory.FRAME_SIZE) {
      for (int i = 0; i < size; i++) {
        write(address + i, 1, value >>> (8 * i));
      }
      return;
    }
    long pfn = address >>> PhysicalMemory.FRAME_SHIFT;
    if (!memory.isRam(pfn)) {
      mmio.write(address, size, value);
      return;
    }
    MemorySegment f = memory.frame(pfn);
    switch (size) {
      case 1 -> f.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
      case 2 -> f.set(SHORT, offset, (short) value);
      case 4 -> f.set(INT, offset, (int) value);
      default -> f.set(LONG, offset, value);
    }
  }

  @Override
  public int read8(long address) {
    return (int) read(address, 1);
  }

  @Override
  public int read16(long address) {
    return (int) read(address, 2);
  }

  @Override
  public int read32(long address) {
    return (int) read(address, 4);
  }

  @Override
  public void write8(long address, int value) {
    write(address, 1, value);
  }

  @Override
  public void write16(long address, int value) {
    write(address, 2, value);
  }

  @Override
  public void write32(long address, int value) {
    write(address, 4, value);
  }

  /** Returns the RAM frame holding {@code address}, or null for MMIO, holes and addresses beyond RAM. */
  @Override
  public @Nullable MemorySegment ramPage(long address) {
    long pfn = address >>> PhysicalMemory.FRAME_SHIFT;
    return memory.isRam(pfn) ? memory.frame(pfn) : null;
  }

  /** Copies {@code data} to physical memory starting at {@code address} (a ROM image, a boot module). */
  public void load(long address, byte[] data) {
    for (int i = 0; i < data.length; i++) {
      write(address + i, 1, data[i]);
    }
  }

  /** Reads {@code length} bytes starting at {@code address}. */
  public byte[] dump(long address, int length) {
    byte[] out = new byte[length];
    for (int i = 0; i < length; i++) {
      out[i] = (byte) read(address + i, 1);
    }
    return out;
  }

  static long sizeMask(int size) {
    return switch (size) {
      case 1 -> 0xffL;
      case 2 -> 0xffffL;
      case 4 -> 0xffff_ffffL;
      case 8 -> -1L;
      default -> throw new IllegalArgumentException("physical access size must be 1, 2, 4 or 8: " + size);
    };
  }
}
