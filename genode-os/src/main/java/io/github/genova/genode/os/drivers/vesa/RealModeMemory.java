package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.nova.api.MemoryView;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Memory;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The interpreter's memory: the first MiB of a PC as the driver sees it. Pages the driver obtained from
 * core's IO_MEM (the BIOS data page, the VGA window, the option ROM) are {@linkplain #map mapped} to where
 * they are attached in the driver's address space, so the BIOS code reads and writes the machine's memory
 * through the driver's own mappings; every other page is the driver's private scratch RAM (zero until
 * written). Addresses wrap at 1 MiB, as on a PC with A20 disabled.
 *
 * <p>Not thread-safe: used by the thread that runs the interpreter, whose memory view it holds.
 */
final class RealModeMemory implements X86Memory {
  /** The size of the sandbox: the real-mode address space. */
  static final int SIZE = 1 << 20;
  private static final int PAGE = 4096;
  private static final int MASK = SIZE - 1;

  private final PagedRam scratch = new PagedRam(SIZE);
  private final MemoryView view;
  /** Per page: the address in the driver's address space it is mapped at, or -1 for scratch RAM. */
  private final long[] mapped = new long[SIZE / PAGE];

  /** Creates the sandbox, all scratch RAM, mapping pages later through {@code view} (the caller's). */
  RealModeMemory(MemoryView view) {
    this.view = view;
    Arrays.fill(mapped, -1L);
  }

  /**
   * Makes the pages {@code [phys, phys + size)} of the sandbox (page-aligned) refer to the driver's memory at
   * {@code at}, where the IO_MEM dataspace of that range is attached.
   */
  void map(long phys, long size, long at) {
    if ((phys & (PAGE - 1)) != 0 || phys < 0 || size <= 0 || phys + size > SIZE) {
      throw new IllegalArgumentException("cannot map [0x" + Long.toHexString(phys) + ", +0x"
          + Long.toHexString(size) + ") into the real-mode sandbox");
    }
    for (long off = 0; off < size; off += PAGE) {
      mapped[(int) ((phys + off) / PAGE)] = at + off;
    }
  }

  /** Copies {@code bytes} to {@code address} (a ROM image into scratch RAM, a code stub). */
  void load(long address, byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      write8(address + i, bytes[i]);
    }
  }

  @Override
  public int read8(long address) {
    int a = (int) (address & MASK);
    long at = mapped[a / PAGE];
    return at < 0 ? scratch.read8(a) : view.readByte(at + (a & (PAGE - 1))) & 0xff;
  }

  @Override
  public void write8(long address, int value) {
    int a = (int) (address & MASK);
    long at = mapped[a / PAGE];
    if (at < 0) {
      scratch.write8(a, value);
    } else {
      view.writeByte(at + (a & (PAGE - 1)), (byte) value);
    }
  }

  /** Scratch pages go to the engine directly; the machine's pages go through {@link #read8}/{@link #write8}. */
  @Override
  public @Nullable MemorySegment ramPage(long address) {
    int a = (int) (address & MASK);
    return mapped[a / PAGE] < 0 ? scratch.ramPage(a) : null;
  }
}
