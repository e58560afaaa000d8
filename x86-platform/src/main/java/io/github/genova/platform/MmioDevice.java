package io.github.genova.platform;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/**
 * A device's memory-mapped register or memory window, attached to a physical range of the {@link MmioBus}.
 * Offsets are relative to the start of the claimed range, so a window that moves (a PCI BAR being
 * reprogrammed) keeps its handler. Sizes are 1, 2, 4 or 8 bytes, little endian. Handlers run on the
 * accessing thread.
 */
public interface MmioDevice {
  /** Returns the value read at {@code offset}; only the low {@code size} bytes are used. */
  long read(long offset, int size);

  /** Handles a write of the low {@code size} bytes of {@code value} at {@code offset}. */
  void write(long offset, int size, long value);

  /**
   * Returns host memory that behaves exactly like this window (a framebuffer), so an engine or driver may
   * read and write it directly instead of calling {@link #read}/{@link #write}; null for registers.
   */
  default @Nullable MemorySegment directMemory() {
    return null;
  }
}
