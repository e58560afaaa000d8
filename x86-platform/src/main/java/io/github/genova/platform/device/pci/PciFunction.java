package io.github.genova.platform.device.pci;

import java.util.Arrays;

/**
 * One PCI function's type-0 configuration space (256 bytes). The identification registers, class code and
 * interrupt pin are read-only; the command register, cache line size, latency timer, interrupt line and
 * the device-specific area from 0x40 are writable; BARs keep only their address bits, so writing all ones
 * and reading back yields the size, as firmware probes it. A function that implements no BAR at an index
 * reads zero there. Not thread-safe: the {@link PciHostBridge} serialises access.
 */
public final class PciFunction {
  /** BAR type: 32-bit memory. */
  public static final int BAR_MEMORY = 0x0;
  /** BAR type: 32-bit prefetchable memory. */
  public static final int BAR_MEMORY_PREFETCHABLE = 0x8;
  /** BAR type: I/O space. */
  public static final int BAR_IO = 0x1;

  /** Command register: respond to I/O space accesses. */
  public static final int COMMAND_IO = 0x1;
  /** Command register: respond to memory space accesses. */
  public static final int COMMAND_MEMORY = 0x2;
  /** Command register: may master the bus. */
  public static final int COMMAND_BUS_MASTER = 0x4;

  private final byte[] config = new byte[256];
  private final long[] barSize = new long[6];
  private final int[] barType = new int[6];
  private final BarListener[] barListeners = new BarListener[6];
  private final long[] lastBase = new long[6];
  private final boolean[] lastEnabled = new boolean[6];
  private final String name;

  /**
   * Creates a function with the given identity and header type 0.
   *
   * @param name what the function is, for diagnostics
   * @param vendor vendor ID
   * @param device device ID
   * @param classCode base class, subclass and programming interface (e.g. 0x030000 for VGA)
   * @param revision revision ID
   */
  public PciFunction(String name, int vendor, int device, int classCode, int revision) {
    this.name = name;
    put16(0x00, vendor);
    put16(0x02, device);
    config[0x08] = (byte) revision;
    config[0x09] = (byte) classCode;
    config[0x0a] = (byte) (classCode >> 8);
    config[0x0b] = (byte) (classCode >> 16);
    Arrays.fill(barListeners, (BarListener) (bar, base, enabled) -> {});
  }

  /** Sets the subsystem vendor and subsystem IDs (offsets 0x2C, 0x2E). */
  public PciFunction subsystem(int vendor, int id) {
    put16(0x2c, vendor);
    put16(0x2e, id);
    return this;
  }

  /** Sets the interrupt pin (1 = INTA# .. 4 = INTD#, 0 = none) and the initial interrupt line. */
  public PciFunction interrupt(int pin, int line) {
    config[0x3d] = (byte) pin;
    config[0x3c] = (byte) line;
    return this;
  }

  /**
   * Implements BAR {@code index} with {@code size} bytes (a power of two, at least 16 for memory and 4
   * for I/O) of the given type, told to {@code listener} when it moves.
   *
   * @throws IllegalArgumentException if the index, size or type is invalid
   */
  public PciFunction bar(int index, long size, int type, BarListener listener) {
    if (index < 0 || index > 5 || Long.bitCount(size) != 1 || size < (type == BAR_IO ? 4 : 16) || size > 1L << 31) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": bad size " + size);
    }
    if (type != BAR_MEMORY && type != BAR_MEMORY_PREFETCHABLE && type != BAR_IO) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": bad type " + type);
    }
    barSize[index] = size;
    barType[index] = type;
    barListeners[index] = listener;
    put32(0x10 + 4 * index, type);
    return this;
  }

  /** Programs BAR {@code index} and the command register as firmware would, and tells the listeners. */
  public PciFunction assign(int index, long base, int command) {
    writeBar(index, (int) base);
    put16(0x04, command);
    notifyBars();
    return this;
  }

  /** Returns the address BAR {@code index} decodes at (type bits removed). */
  public long barBase(int index) {
    long raw = get32(0x10 + 4 * index) & 0xffff_ffffL;
    return barType[index] == BAR_IO ? raw & ~3L : raw & ~15L;
  }

  /** Returns the command register. */
  public int command() {
    return get16(0x04);
  }

  /** Returns the vendor ID. */
  public int vendor() {
    return get16(0x00);
  }

  /** Returns the device ID. */
  public int device() {
    return get16(0x02);
  }

  /** Reads {@code size} bytes at {@code offset} (aligned within a dword). */
  public int read(int offset, int size) {
    int v = 0;
    for (int i = 0; i < size; i++) {
      v |= (config[(offset + i) & 0xff] & 0xff) << (8 * i);
    }
    return v;
  }

  /** Writes the low {@code size} bytes of {@code value} at {@code offset}, honouring read-only bits. */
  public void write(int offset, int size, int value) {
    int dword = offset & 0xfc;
    int shift = 8 * (offset & 3);
    int mask = (size == 4 ? -1 : (1 << (8 * size)) - 1) << shift;
    int merged = (get32(dword) & ~mask) | ((value << shift) & mask);
    if (dword >= 0x10 && dword <= 0x24) {
      writeBar((dword - 0x10) / 4, merged);
      notifyBars();
      return;
    }
    switch (dword) {
      case 0x04 -> {
        int oldCommand = get16(0x04);
        put16(0x04, merged & 0x0547);
        int status = get16(0x06) & ~((merged >>> 16) & 0xf900); // error bits are write-one-to-clear
        put16(0x06, status);
        if (((oldCommand ^ merged) & (COMMAND_IO | COMMAND_MEMORY)) != 0) {
          notifyBars();
        }
      }
      case 0x0c -> {
        config[0x0c] = (byte) merged;
        config[0x0d] = (byte) (merged >>> 8);
      }
      case 0x3c -> config[0x3c] = (byte) merged;
      default -> {
        if (dword >= 0x40) {
          put32(dword, merged);
        }
      }
    }
  }

  private void writeBar(int index, int value) {
    long size = barSize[index];
    if (size == 0) {
      return; // not implemented: reads zero
    }
    int addressMask = (int) ~(size - 1);
    put32(0x10 + 4 * index, (value & addressMask) | barType[index]);
  }

  private void notifyBars() {
    int command = get16(0x04);
    for (int i = 0; i < 6; i++) {
      if (barSize[i] == 0) {
        continue;
      }
      boolean enabled = (command & (barType[i] == BAR_IO ? COMMAND_IO : COMMAND_MEMORY)) != 0;
      long base = barBase(i);
      if (base != lastBase[i] || enabled != lastEnabled[i]) {
        lastBase[i] = base;
        lastEnabled[i] = enabled;
        barListeners[i].barChanged(i, base, enabled);
      }
    }
  }

  private int get16(int at) {
    return read(at, 2);
  }

  private int get32(int at) {
    return read(at, 4);
  }

  private void put16(int at, int v) {
    config[at] = (byte) v;
    config[at + 1] = (byte) (v >>> 8);
  }

  private void put32(int at, int v) {
    put16(at, v);
    put16(at + 2, v >>> 16);
  }

  @Override
  public String toString() {
    return name;
  }
}
