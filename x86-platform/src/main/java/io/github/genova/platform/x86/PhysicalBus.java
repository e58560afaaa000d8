package io.github.genova.platform.x86;

/**
 * The CPU's view of physical memory: byte-granular reads and writes at 32-bit physical addresses (the A20
 * gate is applied by the CPU before the call). Unbacked addresses read as all ones and ignore writes, as on a
 * PC's floating bus. Wider accesses are little-endian compositions of byte accesses unless an implementation
 * overrides them with something faster; they are never split across a 4 KiB page by the CPU.
 *
 * <p>{@link #codePage} lets an engine decode straight from RAM: it returns the backing array of the RAM page
 * holding {@code address} (or null for MMIO and holes). Engines call {@link #write8} for every store, so an
 * implementation can still observe writes; writes by devices (DMA) must be reported through
 * {@link X86Cpu#invalidateCode} when they may hit code.
 */
public interface PhysicalBus {
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
   * Returns the array backing the 4 KiB RAM page that holds {@code address} (index {@code address & 0xfff}),
   * or null when the page is not plain RAM. The default has no RAM fast path.
   */
  default byte @org.jspecify.annotations.Nullable [] codePage(long address) {
    return null;
  }
}
