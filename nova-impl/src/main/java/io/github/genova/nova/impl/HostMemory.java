package io.github.genova.nova.impl;

import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.MemoryView;
import io.github.genova.nova.api.Perm;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An EC's {@link MemoryView}: virtual addresses translated through its PD's memory space with a small
 * direct-mapped software TLB. A miss walks the space; an access the space cannot satisfy raises a page
 * fault through the EC's page-fault portal and retries once the handler replied. The TLB is flushed
 * whenever the PD's mapping generation moves, which every unmap or permission reduction in the PD does.
 */
final class HostMemory implements MemoryView {
  private static final int TLB_ENTRIES = 64;
  private static final int PAGE = 4096;
  private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;

  private final Ec ec;
  private final long[] tags = new long[TLB_ENTRIES]; // page number + 1; 0 = empty
  private final MemorySegment[] pages = new MemorySegment[TLB_ENTRIES];
  private final boolean[] writable = new boolean[TLB_ENTRIES];
  private int generation;

  HostMemory(Ec ec) {
    this.ec = ec;
    this.generation = ec.pd.mappingGeneration();
  }

  /** Returns the host page backing {@code va}, faulting it in for reading or writing. */
  private MemorySegment page(long va, boolean write) {
    int current = ec.pd.mappingGeneration();
    if (current != generation) {
      java.util.Arrays.fill(tags, 0);
      generation = current;
    }
    long vpn = va >>> 12;
    int slot = (int) vpn & (TLB_ENTRIES - 1);
    if (tags[slot] == vpn + 1 && (!write || writable[slot])) {
      return pages[slot];
    }
    return miss(va, vpn, slot, write);
  }

  private MemorySegment miss(long va, long vpn, int slot, boolean write) {
    while (true) {
      int seen = ec.pd.mappingGeneration();
      MdbNode node = ec.pd.memory.get(vpn);
      int need = write ? Perm.MEM_W : Perm.MEM_R;
      if (node != null && (node.perms & need) == need) {
        MemorySegment frame = ec.kernel.physicalPage(node.target);
        if (frame != null) {
          if (seen == ec.pd.mappingGeneration()) {
            tags[slot] = vpn + 1;
            pages[slot] = frame;
            writable[slot] = (node.perms & Perm.MEM_W) != 0;
          }
          return frame;
        }
      }
      long error = FAULT_USER | (node != null ? FAULT_PRESENT : 0) | (write ? FAULT_WRITE : 0);
      ec.gate.faultEntry();
      if (!ec.gate.deliverEvent(Event.PAGE_FAULT, error, va)) {
        throw KernelUnwind.DEATH;
      }
    }
  }

  private static int offset(long va) {
    return (int) va & (PAGE - 1);
  }

  @Override
  public byte readByte(long va) {
    return page(va, false).get(ValueLayout.JAVA_BYTE, offset(va));
  }

  @Override
  public short readShort(long va) {
    return offset(va) <= PAGE - 2 ? page(va, false).get(SHORT, offset(va)) : (short) readAcross(va, 2);
  }

  @Override
  public int readInt(long va) {
    return offset(va) <= PAGE - 4 ? page(va, false).get(INT, offset(va)) : (int) readAcross(va, 4);
  }

  @Override
  public long readLong(long va) {
    return offset(va) <= PAGE - 8 ? page(va, false).get(LONG, offset(va)) : readAcross(va, 8);
  }

  private long readAcross(long va, int size) {
    long value = 0;
    for (int i = 0; i < size; i++) {
      value |= (readByte(va + i) & 0xffL) << (8 * i);
    }
    return value;
  }

  @Override
  public void writeByte(long va, byte value) {
    page(va, true).set(ValueLayout.JAVA_BYTE, offset(va), value);
  }

  @Override
  public void writeShort(long va, short value) {
    if (offset(va) <= PAGE - 2) {
      page(va, true).set(SHORT, offset(va), value);
    } else {
      writeAcross(va, 2, value);
    }
  }

  @Override
  public void writeInt(long va, int value) {
    if (offset(va) <= PAGE - 4) {
      page(va, true).set(INT, offset(va), value);
    } else {
      writeAcross(va, 4, value);
    }
  }

  @Override
  public void writeLong(long va, long value) {
    if (offset(va) <= PAGE - 8) {
      page(va, true).set(LONG, offset(va), value);
    } else {
      writeAcross(va, 8, value);
    }
  }

  private void writeAcross(long va, int size, long value) {
    for (int i = 0; i < size; i++) {
      writeByte(va + i, (byte) (value >>> (8 * i)));
    }
  }

  @Override
  public void read(long va, byte[] dst, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, dst.length);
    int done = 0;
    while (done < length) {
      long at = va + done;
      int chunk = Math.min(length - done, PAGE - offset(at));
      MemorySegment.copy(page(at, false), ValueLayout.JAVA_BYTE, offset(at), dst, offset + done, chunk);
      done += chunk;
    }
  }

  @Override
  public void write(long va, byte[] src, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, src.length);
    int done = 0;
    while (done < length) {
      long at = va + done;
      int chunk = Math.min(length - done, PAGE - offset(at));
      MemorySegment.copy(src, offset + done, page(at, true), ValueLayout.JAVA_BYTE, offset(at), chunk);
      done += chunk;
    }
  }

  @Override
  public MemorySegment segment(long va, long length, boolean write) {
    if (length <= 0) {
      throw new IllegalArgumentException("segment length must be positive: " + length);
    }
    long first = va & -PAGE;
    long last = (va + length - 1) & -PAGE;
    for (long p = first; p <= last; p += PAGE) {
      page(p, write);
    }
    MdbNode start = ec.pd.memory.get(first >>> 12);
    if (start == null) {
      throw KernelUnwind.DEATH; // unmapped again at once: the EC lost its memory, as a revoke race would
    }
    for (long p = first; p <= last; p += PAGE) {
      MdbNode node = ec.pd.memory.get(p >>> 12);
      if (node == null || node.target != start.target + ((p - first) >>> 12)) {
        throw new IllegalArgumentException("[0x" + Long.toHexString(va) + ", +0x" + Long.toHexString(length)
            + ") is not physically contiguous");
      }
    }
    MemorySegment range = ec.kernel.physicalRange((start.target << 12) + offset(va), length);
    if (range == null) {
      throw new IllegalArgumentException("[0x" + Long.toHexString(va) + ", +0x" + Long.toHexString(length)
          + ") is not backed by one contiguous host range");
    }
    return range;
  }
}
