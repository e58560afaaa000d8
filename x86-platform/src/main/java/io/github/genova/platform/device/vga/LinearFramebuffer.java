package io.github.genova.platform.device.vga;

import io.github.genova.platform.MmioDevice;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The VRAM seen through the PCI BAR0 window: plain memory, so an engine or a driver may also use
 * {@link #directMemory()} instead of going through the bus. Accesses beyond the VRAM read all ones.
 */
final class LinearFramebuffer implements MmioDevice {
  private final MemorySegment vram;

  LinearFramebuffer(MemorySegment vram) {
    this.vram = vram;
  }

  @Override
  public long read(long offset, int size) {
    if (offset + size > vram.byteSize()) {
      return -1L;
    }
    return switch (size) {
      case 1 -> vram.get(ValueLayout.JAVA_BYTE, offset) & 0xffL;
      case 2 -> vram.get(ValueLayout.JAVA_SHORT_UNALIGNED, offset) & 0xffffL;
      case 4 -> vram.get(ValueLayout.JAVA_INT_UNALIGNED, offset) & 0xffff_ffffL;
      default -> vram.get(ValueLayout.JAVA_LONG_UNALIGNED, offset);
    };
  }

  @Override
  public void write(long offset, int size, long value) {
    if (offset + size > vram.byteSize()) {
      return;
    }
    switch (size) {
      case 1 -> vram.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
      case 2 -> vram.set(ValueLayout.JAVA_SHORT_UNALIGNED, offset, (short) value);
      case 4 -> vram.set(ValueLayout.JAVA_INT_UNALIGNED, offset, (int) value);
      default -> vram.set(ValueLayout.JAVA_LONG_UNALIGNED, offset, value);
    }
  }

  @Override
  public MemorySegment directMemory() {
    return vram;
  }
}
