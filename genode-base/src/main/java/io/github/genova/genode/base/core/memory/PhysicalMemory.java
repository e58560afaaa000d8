package io.github.genova.genode.base.core.memory;

import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Hip;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's RAM as core manages it: the available regions of the HIP, handed out as physically
 * contiguous, page-aligned ranges (first fit, lowest address first, so allocation is deterministic), and
 * core's own access to any frame through its physical window — core's virtual addresses
 * {@code [WINDOW_BASE, WINDOW_BASE + top)} map frame for frame, faulted in by core's {@link Pager}.
 * Thread-safe.
 */
public final class PhysicalMemory {
  /** Bytes per page. */
  public static final long PAGE = 4096;
  /** Where core sees physical address 0. */
  public static final long WINDOW_BASE = 0x4000_0000_0000L;

  /** Free ranges: start → end (exclusive). */
  private final TreeMap<Long, Long> free = new TreeMap<>();
  private final long top;
  private long available;

  private PhysicalMemory(long top) {
    this.top = top;
  }

  /**
   * Returns the memory of the available regions of {@code hip}, minus the first page (frame 0 stays unused,
   * so no dataspace has physical address 0).
   */
  public static PhysicalMemory of(Hip hip) {
    long top = 0;
    for (Hip.MemoryRegion r : hip.memory()) {
      top = Math.max(top, r.address() + r.size());
    }
    PhysicalMemory m = new PhysicalMemory(top);
    for (Hip.MemoryRegion r : hip.memory()) {
      if (r.type() == Hip.MEM_AVAILABLE) {
        long start = Math.max(PAGE, (r.address() + PAGE - 1) & -PAGE);
        long end = (r.address() + r.size()) & -PAGE;
        if (end > start) {
          m.release(start, end - start);
        }
      }
    }
    return m;
  }

  /** Returns the end of the highest region: core's window covers {@code [0, top)}. */
  public long top() {
    return top;
  }

  /** Returns the bytes not allocated. */
  public synchronized long available() {
    return available;
  }

  /**
   * Allocates {@code size} bytes (rounded up to pages) of contiguous memory; returns the physical address.
   *
   * @throws IllegalStateException if no free range is large enough
   */
  public synchronized long allocate(long size) {
    long bytes = (size + PAGE - 1) & -PAGE;
    Map.Entry<Long, Long> fit = null;
    for (Map.Entry<Long, Long> e : free.entrySet()) {
      if (e.getValue() - e.getKey() >= bytes) {
        fit = e;
        break;
      }
    }
    if (fit != null) {
      long start = fit.getKey();
      long end = fit.getValue();
      free.remove(start);
      if (start + bytes < end) {
        free.put(start + bytes, end);
      }
      available -= bytes;
      return start;
    }
    throw new IllegalStateException("physical memory exhausted: " + bytes + " bytes asked, " + available
        + " free in pieces");
  }

  /** Frees {@code size} bytes at {@code phys}, allocated before; neighbouring free ranges merge. */
  public synchronized void release(long phys, long size) {
    long start = phys;
    long end = phys + ((size + PAGE - 1) & -PAGE);
    Map.Entry<Long, Long> below = free.floorEntry(start);
    if (below != null && below.getValue() > start) {
      throw new IllegalArgumentException("freeing free memory at 0x" + Long.toHexString(phys));
    }
    available += end - start;
    if (below != null && below.getValue() == start) {
      start = below.getKey();
      free.remove(start);
    }
    Long above = free.get(end);
    if (above != null) {
      free.remove(end);
      end = above;
    }
    free.put(start, end);
  }

  /** Returns core's virtual address of physical address {@code phys}. */
  public static long coreAddress(long phys) {
    return WINDOW_BASE + phys;
  }

  /** Fills {@code [phys, phys + size)} with zeros, through core's window. Called by a thread of core. */
  public void clear(long phys, long size) {
    byte[] zeros = new byte[(int) Math.min(size, 1 << 16)];
    for (long done = 0; done < size; done += zeros.length) {
      int n = (int) Math.min(zeros.length, size - done);
      NativeThread.current().gate().memory().write(coreAddress(phys + done), zeros, 0, n);
    }
  }

  /** Copies {@code data} to physical address {@code phys}, through core's window. Called by a thread of core. */
  public void write(long phys, byte[] data) {
    NativeThread.current().gate().memory().write(coreAddress(phys), data, 0, data.length);
  }

  /** Reads {@code length} bytes at physical address {@code phys}, through core's window. */
  public byte[] read(long phys, int length) {
    byte[] out = new byte[length];
    NativeThread.current().gate().memory().read(coreAddress(phys), out, 0, length);
    return out;
  }
}
