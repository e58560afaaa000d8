package io.github.genova.platform;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The physical address ranges that belong to devices instead of RAM: a VGA's legacy window, a linear
 * framebuffer behind a PCI BAR. A claim inside the RAM range turns those frames into a hole of the
 * {@link PhysicalMemory} while the machine is being built; afterwards (a guest moving a BAR) claims must
 * stay outside RAM. An access to an unclaimed, non-RAM address reads all ones and ignores writes.
 *
 * <p>Lookups are lock-free (the region table is replaced, never changed in place); claims and releases
 * are serialised.
 */
public final class MmioBus {
  private final PhysicalMemory memory;
  private volatile MmioRegion[] regions = {};
  private volatile boolean sealed;

  /** Creates an empty bus in front of {@code memory}. */
  public MmioBus(PhysicalMemory memory) {
    this.memory = memory;
  }

  /**
   * Gives {@code [base, base + length)} to {@code device}.
   *
   * @throws IllegalArgumentException if the range is empty, wraps, overlaps another claim, or (once the
   *     machine is built) overlaps RAM; the message names the conflict
   */
  public synchronized MmioRegion claim(long base, long length, String name, MmioDevice device) {
    if (length <= 0 || base < 0 || base + length < base) {
      throw new IllegalArgumentException("MMIO range " + hex(base) + "+" + hex(length) + " for " + name + " is empty or wraps");
    }
    MmioRegion fresh = new MmioRegion(base, length, name, device);
    for (MmioRegion r : regions) {
      if (base < r.end() && r.base() < fresh.end()) {
        throw new IllegalArgumentException(
            "MMIO range " + describe(fresh) + " overlaps " + describe(r));
      }
    }
    long firstFrame = base >>> PhysicalMemory.FRAME_SHIFT;
    long lastFrame = (base + length - 1) >>> PhysicalMemory.FRAME_SHIFT;
    if (firstFrame < memory.frameCount()) {
      if (sealed) {
        throw new IllegalArgumentException("MMIO range " + describe(fresh) + " overlaps RAM");
      }
      long holeEnd = Math.min(lastFrame + 1, memory.frameCount());
      memory.punchHole(firstFrame << PhysicalMemory.FRAME_SHIFT, (holeEnd - firstFrame) << PhysicalMemory.FRAME_SHIFT);
    }
    MmioRegion[] next = Arrays.copyOf(regions, regions.length + 1);
    next[next.length - 1] = fresh;
    Arrays.sort(next, (a, b) -> Long.compare(a.base(), b.base()));
    regions = next;
    return fresh;
  }

  /** Removes {@code region}; nothing happens if it is not claimed. */
  public synchronized void release(MmioRegion region) {
    MmioRegion[] now = regions;
    for (int i = 0; i < now.length; i++) {
      if (now[i].equals(region)) {
        MmioRegion[] next = new MmioRegion[now.length - 1];
        System.arraycopy(now, 0, next, 0, i);
        System.arraycopy(now, i + 1, next, i, now.length - i - 1);
        regions = next;
        return;
      }
    }
  }

  /** Returns the region containing {@code address}, or null. */
  public @Nullable MmioRegion find(long address) {
    MmioRegion[] r = regions;
    int lo = 0;
    int hi = r.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      MmioRegion m = r[mid];
      if (address < m.base()) {
        hi = mid - 1;
      } else if (address >= m.end()) {
        lo = mid + 1;
      } else {
        return m;
      }
    }
    return null;
  }

  /** Returns the claims in address order (the machine's device memory map). */
  public List<MmioRegion> regions() {
    return List.of(regions);
  }

  /** Reads {@code size} (1, 2, 4 or 8) bytes at {@code address}; all ones if nobody claims it. */
  public long read(long address, int size) {
    long mask = PhysicalBus.sizeMask(size);
    MmioRegion r = find(address);
    return r == null ? mask : r.device().read(address - r.base(), size) & mask;
  }

  /** Writes the low {@code size} (1, 2, 4 or 8) bytes of {@code value} at {@code address}. */
  public void write(long address, int size, long value) {
    long mask = PhysicalBus.sizeMask(size);
    MmioRegion r = find(address);
    if (r != null) {
      r.device().write(address - r.base(), size, value & mask);
    }
  }

  void seal() {
    sealed = true;
  }

  private static String describe(MmioRegion r) {
    return "[" + hex(r.base()) + ", " + hex(r.end()) + ") of " + r.name();
  }

  private static String hex(long v) {
    return "0x" + Long.toHexString(v);
  }
}
