package io.github.genova.platform;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The machine's RAM: off-heap, allocated lazily in zero-filled 2 MiB chunks on first touch. Frames are
 * named by page frame number (physical address &gt;&gt; 12). A frame's segment never moves or changes
 * identity once allocated, so callers may cache it, and frames of one chunk are contiguous in host memory
 * ({@link #range}). Ranges declared as holes (MMIO windows such as the legacy VGA area or a linear
 * framebuffer) are not RAM: {@link #frame} refuses them. Ranges the firmware {@linkplain #reserve reserves}
 * (its vector table, data area and shadowed ROMs) stay RAM but are listed, with a name each, as a PC's
 * e820 map lists them, so that a kernel does not report them as free.
 *
 * <p>Thread-safe: concurrent first touches of one frame see the same segment.
 */
public final class PhysicalMemory implements AutoCloseable {
  /** Bytes per frame. */
  public static final int FRAME_SIZE = 4096;

  /** log2 of {@link #FRAME_SIZE}. */
  public static final int FRAME_SHIFT = 12;

  /** log2 of the allocation chunk (2 MiB). */
  private static final int CHUNK_SHIFT = 21;

  private final long size;
  private final Arena arena = Arena.ofShared();
  private final AtomicReferenceArray<MemorySegment> chunks;
  private final AtomicReferenceArray<MemorySegment> frames;
  private final boolean[] hole;
  private final boolean[] reserved;
  private final List<ReservedRange> reservations = new ArrayList<>();

  /**
   * Creates {@code size} bytes of RAM with the given holes.
   *
   * @param size bytes of physical address space backed by RAM; a multiple of 4 KiB, at most 16 TiB
   * @param holes pairs of (base, length) in bytes, each 4 KiB aligned, inside {@code size}
   * @throws IllegalArgumentException if a size, base or length is not frame aligned or out of range
   */
  public PhysicalMemory(long size, long... holes) {
    if (size <= 0 || (size & (FRAME_SIZE - 1)) != 0 || (size >>> FRAME_SHIFT) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("RAM size must be a positive multiple of 4 KiB: " + size);
    }
    if (holes.length % 2 != 0) {
      throw new IllegalArgumentException("holes come in (base, length) pairs");
    }
    this.size = size;
    int count = (int) (size >>> FRAME_SHIFT);
    this.frames = new AtomicReferenceArray<>(count);
    this.chunks = new AtomicReferenceArray<>((int) ((size + (1L << CHUNK_SHIFT) - 1) >>> CHUNK_SHIFT));
    this.hole = new boolean[count];
    this.reserved = new boolean[count];
    for (int i = 0; i < holes.length; i += 2) {
      punchHole(holes[i], holes[i + 1]);
    }
  }

  /**
   * Turns {@code [base, base + length)} into a hole, as a device claiming that range on the
   * {@link MmioBus} does while the machine is built. Frames already touched keep their host memory but are
   * no longer RAM. Call it before the memory is shared with other threads.
   *
   * @throws IllegalArgumentException if the range is not frame aligned or not inside the RAM range
   */
  public void punchHole(long base, long length) {
    if (((base | length) & (FRAME_SIZE - 1)) != 0 || base < 0 || length <= 0 || base + length > size) {
      throw new IllegalArgumentException(
          "hole [" + Long.toHexString(base) + ", +" + Long.toHexString(length) + ") is not a frame-aligned range of RAM");
    }
    Arrays.fill(hole, (int) (base >>> FRAME_SHIFT), (int) ((base + length) >>> FRAME_SHIFT), true);
  }

  /**
   * Records that the firmware keeps the RAM {@code [base, base + length)} for itself under {@code name}.
   * The frames stay RAM; {@link #isReserved} and {@link #reservations} report them. Call it while the
   * machine is prepared (before a kernel boots), from one thread.
   *
   * @throws IllegalArgumentException if the range is not frame aligned, not RAM throughout, overlaps an
   *     earlier reservation, or the name is blank (the message names the range)
   */
  public synchronized void reserve(long base, long length, String name) {
    ReservedRange range = new ReservedRange(base, length, name);
    if (((base | length) & (FRAME_SIZE - 1)) != 0 || base < 0 || length <= 0 || base + length > size) {
      throw new IllegalArgumentException("reserved range " + range + " is not a frame-aligned range of RAM");
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("reserved range " + range + " needs a name");
    }
    for (long pfn = base >>> FRAME_SHIFT; pfn < (base + length) >>> FRAME_SHIFT; pfn++) {
      if (hole[(int) pfn]) {
        throw new IllegalArgumentException("reserved range " + range + " covers the hole at 0x"
            + Long.toHexString(pfn << FRAME_SHIFT));
      }
      if (reserved[(int) pfn]) {
        throw new IllegalArgumentException("reserved range " + range + " overlaps " + reservations.stream()
            .filter(r -> r.base() < range.end() && range.base() < r.end()).findFirst().orElseThrow());
      }
    }
    Arrays.fill(reserved, (int) (base >>> FRAME_SHIFT), (int) ((base + length) >>> FRAME_SHIFT), true);
    reservations.add(range);
  }

  /** Returns the reserved ranges in the order they were reserved. */
  public synchronized List<ReservedRange> reservations() {
    return List.copyOf(reservations);
  }

  /** Returns whether frame {@code pfn} is RAM the firmware reserved. */
  public synchronized boolean isReserved(long pfn) {
    return pfn >= 0 && pfn < frames.length() && reserved[(int) pfn];
  }

  /** Returns the size of the physical address range backed by this memory, in bytes. */
  public long size() {
    return size;
  }

  /** Returns the number of frames, holes included. */
  public long frameCount() {
    return frames.length();
  }

  /** Returns whether frame {@code pfn} is RAM (inside the range and not in a hole). */
  public boolean isRam(long pfn) {
    return pfn >= 0 && pfn < frames.length() && !hole[(int) pfn];
  }

  /**
   * Returns the 4 KiB segment of frame {@code pfn}, allocating it (zero-filled) on first use.
   *
   * @throws IllegalArgumentException if the frame is not RAM
   */
  public MemorySegment frame(long pfn) {
    if (!isRam(pfn)) {
      throw new IllegalArgumentException("frame " + Long.toHexString(pfn) + " is not RAM");
    }
    int index = (int) pfn;
    MemorySegment existing = frames.get(index);
    if (existing != null) {
      return existing;
    }
    MemorySegment fresh = chunk(pfn >>> (CHUNK_SHIFT - FRAME_SHIFT))
        .asSlice((pfn << FRAME_SHIFT) & ((1L << CHUNK_SHIFT) - 1), FRAME_SIZE);
    MemorySegment raced = frames.compareAndExchange(index, null, fresh);
    return raced == null ? fresh : raced;
  }

  private MemorySegment chunk(long index) {
    int i = (int) index;
    MemorySegment existing = chunks.get(i);
    if (existing != null) {
      return existing;
    }
    long length = Math.min(1L << CHUNK_SHIFT, size - (index << CHUNK_SHIFT));
    MemorySegment fresh = arena.allocate(length, FRAME_SIZE);
    MemorySegment raced = chunks.compareAndExchange(i, null, fresh);
    return raced == null ? fresh : raced;
  }

  /**
   * Returns one host segment over {@code [address, address + length)} of RAM, or null when the range is
   * not RAM or spans two allocation chunks (and so is not contiguous in host memory).
   */
  public @org.jspecify.annotations.Nullable MemorySegment range(long address, long length) {
    if (address < 0 || length <= 0 || address + length > size) {
      return null;
    }
    long chunk = address >>> CHUNK_SHIFT;
    if ((address + length - 1) >>> CHUNK_SHIFT != chunk) {
      return null;
    }
    for (long pfn = address >>> FRAME_SHIFT; pfn <= (address + length - 1) >>> FRAME_SHIFT; pfn++) {
      if (!isRam(pfn)) {
        return null;
      }
    }
    return chunk(chunk).asSlice(address & ((1L << CHUNK_SHIFT) - 1), length);
  }

  /** Returns how many bytes of host memory the touched chunks occupy. */
  public long allocatedBytes() {
    long n = 0;
    for (int i = 0; i < chunks.length(); i++) {
      MemorySegment c = chunks.get(i);
      if (c != null) {
        n += c.byteSize();
      }
    }
    return n;
  }

  /** Frees all frames; segments handed out before become unusable. */
  @Override
  public void close() {
    arena.close();
  }
}
