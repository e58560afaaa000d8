package io.github.genova.platform.x86;

import java.lang.foreign.MemorySegment;
import org.jspecify.annotations.Nullable;

/**
 * The CPU's view of physical memory: byte-granular reads and writes at 32-bit physical addresses (the A20
 * gate is applied by the CPU before the call). Unbacked addresses read as all ones and ignore writes, as on a
 * PC's floating bus. Wider accesses are little-endian compositions of byte accesses unless an implementation
 * overrides them with something faster; they are never split across a 4 KiB page by the CPU.
 *
 * <p>{@link #ramPage} is the engine's fast path: it hands out the 4 KiB page of plain RAM holding an address
 * as a {@link MemorySegment} (on-heap or off-heap, never copied), which the engine caches in its TLB and
 * reads, writes and decodes directly. An implementation that returns a page therefore no longer sees the
 * accesses to it; one that must see every access (MMIO, a recording test bus) returns null and gets
 * {@link #read8}/{@link #write8} calls instead. Writes by devices (DMA) or a loader must be reported through
 * {@link X86Cpu#invalidateCode} when they may hit code.
 */
public interface X86Memory {
  /** Returns the byte at {@code address}, zero-extended. */
  int read8(long address);

  /** Writes the low byte of {@code value} to {@code address}. */
  void write8(long address, int value);

  /** Returns the little-endian 16-bit value at {@code address}; never crosses a 4 KiB page. */
  default int read16(long address) {
    return read8(address) | read8(address + 1) << 8;
  }

  /** Returns the little-endian 32-bit value at {@code address}; never crosses a 4 KiB page. */
  default int read32(long address) {
    return read16(address) | read16(address + 2) << 16;
  }

  /** Writes the low 16 bits of {@code value}, little-endian; never crosses a 4 KiB page. */
  default void write16(long address, int value) {
    write8(address, value);
    write8(address + 1, value >>> 8);
  }

  /** Writes {@code value}, little-endian; never crosses a 4 KiB page. */
  default void write32(long address, int value) {
    write16(address, value);
    write16(address + 2, value >>> 16);
  }

  /**
   * Returns the 4 KiB segment of plain RAM holding {@code address} (offset {@code address & 0xfff}), or
   * null when that page is not plain RAM. A returned segment stays valid and keeps its identity for the
   * life of the memory, so the engine may cache it. The default has no RAM fast path.
   */
  default @Nullable MemorySegment ramPage(long address) {
    return null;
  }
}
