package io.github.genova.genode.base.core.memory;

import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Hip;
import java.util.Map;
import java.util.TreeMap;

/**
 * The machine's RAM as core manages it: the available regions of the HIP, handed out as physically
 * contiguous, page-aligned ranges (first fit, lowest address first, so allocation is deterministic), and
 * core's own access to any frame through its physical window — core's virtual addresses
 * {@code WINDOW_BASE + phys} map frame {@code phys} for every RAM frame, faulted in by core's {@link Pager}. The
 * window also covers the device memory the HIP lists as reserved regions — a linear framebuffer, and on a
 * POSTed PC the firmware's page 0 (vector table and BIOS data area), option ROMs and system BIOS — which core
 * hands to drivers through IO_MEM sessions but never allocates. Thread-safe.
 */
public final class PhysicalMemory {
  /** Bytes per page. */
  public static final long PAGE = 4096;
  /** Where core sees physical address 0. */
  public static final long WINDOW_BASE = 0x4000_0000_0000L;

  /** Free ranges: start → end (exclusive). */
  private final TreeMap<Long, Long> free = new TreeMap<>();
  /** Device memory: start → end (exclusive). */
  private final TreeMap<Long, Long> devices = new TreeMap<>();
  /** RAM, available or the kernel's: start → end (exclusive). */
  private final TreeMap<Long, Long> ram = new TreeMap<>();
  private final long top;
  private long available;

  private PhysicalMemory(long top) {
    this.top = top;
  }

  /**
   * Returns the memory of the available regions of {@code hip}, minus the first page (frame 0 stays unused,
   * so no RAM dataspace has physical address 0), with its reserved regions as device memory (frame 0, too,
   * when the HIP reserves it for the firmware).
   */
  public static PhysicalMemory of(Hip hip) {
    long top = 0;
    for (Hip.MemoryRegion r : hip.memory()) {
      if (r.type() != Hip.MEM_RESERVED) {
        top = Math.max(top, r.address() + r.size());
      }
    }
    PhysicalMemory m = new PhysicalMemory(top);
    for (Hip.MemoryRegion r : hip.memory()) {
      long start = r.address() & -PAGE;
      long end = (r.address() + r.size() + PAGE - 1) & -PAGE;
      if (r.type() == Hip.MEM_RESERVED) {
        m.devices.put(start, end);
      } else {
        m.ram.put(start, end);
      }
      if (r.type() == Hip.MEM_AVAILABLE) {
        long from = Math.max(PAGE, (r.address() + PAGE - 1) & -PAGE);
        long to = (r.address() + r.size()) & -PAGE;
        if (to > from) {
          m.release(from, to - from);
        }
      }
    }
    return m;
  }

  /** Returns the end of the highest RAM region (available or the kernel's). */
  public long top() {
    return top;
  }

  /**
   * Returns whether core's window reaches physical address {@code phys}: RAM (available or the kernel's
   * frames) or device memory.
   */
  public boolean inWindow(long phys) {
    return phys >= 0 && (overlapsRam(phys, 1) || isDeviceMemory(phys, 1));
  }

  /** Returns whether {@code [phys, phys + size)} lies within one range of device memory. */
  public synchronized boolean isDeviceMemory(long phys, long size) {
    Map.Entry<Long, Long> below = devices.floorEntry(phys);
    return below != null && size > 0 && phys + size <= below.getValue() && phys + size > phys;
  }

  /** Returns whether {@code [phys, phys + size)} overlaps RAM (available or the kernel's). */
  public synchronized boolean overlapsRam(long phys, long size) {
    Map.Entry<Long, Long> below = ram.lowerEntry(phys + size);
    return below != null && below.getValue() > phys;
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

  /**
   * Maps {@code [phys, phys + size)} into core's window (core's pager maps a page at its first access), so
   * that core holds the frames it delegates to other address spaces. Called by a thread of core.
   */
  public void mapIntoWindow(long phys, long size) {
    for (long off = 0; off < size; off += PAGE) {
      NativeThread.current().gate().memory().readByte(coreAddress(phys + off));
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
