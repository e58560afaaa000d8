package io.github.genova.platform.device.pci;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * One PCI function's configuration space (256 bytes), with a type-0 header (a device, six BARs) or, made by
 * {@link #bridge}, a type-1 header (a PCI-to-PCI bridge with two BARs and the bus behind it). The
 * identification registers, class code and interrupt pin are read-only; the command register, cache line
 * size, latency timer, interrupt line and the device-specific area from 0x40 are writable, and so are a
 * bridge's bus numbers, windows and bridge control; BARs keep only their address bits, so writing all ones
 * and reading back yields the size, as firmware probes it. A 64-bit memory BAR takes two registers, the
 * upper half holding address bits 63-32. A function that implements no BAR at an index reads zero there.
 * Not thread-safe: the {@link PciHostBridge} serialises access.
 */
public final class PciFunction {
  /** BAR type: 32-bit memory. */
  public static final int BAR_MEMORY = 0x0;
  /** BAR type: 32-bit prefetchable memory. */
  public static final int BAR_MEMORY_PREFETCHABLE = 0x8;
  /** BAR type: I/O space. */
  public static final int BAR_IO = 0x1;
  /** BAR type: 64-bit memory (this register and the next). */
  public static final int BAR_MEMORY_64 = 0x4;
  /** BAR type: 64-bit prefetchable memory (this register and the next). */
  public static final int BAR_MEMORY_64_PREFETCHABLE = 0xc;

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
  private final boolean[] upperHalf = new boolean[6];
  private final long[] lastBase = new long[6];
  private final boolean[] lastEnabled = new boolean[6];
  private final String name;
  private final int barCount;
  private final @Nullable PciBus downstream;

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
    this(name, vendor, device, classCode, revision, null);
  }

  private PciFunction(String name, int vendor, int device, int classCode, int revision, @Nullable PciBus downstream) {
    this.name = name;
    this.downstream = downstream;
    this.barCount = downstream == null ? 6 : 2;
    config[0x0e] = (byte) (downstream == null ? 0 : 1);
    put16(0x00, vendor);
    put16(0x02, device);
    config[0x08] = (byte) revision;
    config[0x09] = (byte) classCode;
    config[0x0a] = (byte) (classCode >> 8);
    config[0x0b] = (byte) (classCode >> 16);
    Arrays.fill(barListeners, (BarListener) (bar, base, enabled) -> {});
  }

  /**
   * Creates a PCI-to-PCI bridge (header type 1, class 060400h) with the bus behind it; its bus number
   * registers are zero (unconfigured, forwarding nothing) until {@link #busNumbers} or the guest set them.
   */
  public static PciFunction bridge(String name, int vendor, int device, int revision) {
    return new PciFunction(name, vendor, device, 0x060400, revision, new PciBus());
  }

  /**
   * Programs a bridge's primary, secondary and subordinate bus numbers (0x18-0x1A) as firmware would.
   *
   * @throws IllegalStateException if the function is no bridge
   */
  public PciFunction busNumbers(int primary, int secondary, int subordinate) {
    if (downstream == null) {
      throw new IllegalStateException(name + " is no PCI-to-PCI bridge");
    }
    config[0x18] = (byte) primary;
    config[0x19] = (byte) secondary;
    config[0x1a] = (byte) subordinate;
    return this;
  }

  /** Returns a bridge's secondary bus number (0x19); 0 for a device. */
  public int secondaryBus() {
    return downstream == null ? 0 : config[0x19] & 0xff;
  }

  /** Returns a bridge's subordinate bus number (0x1A); 0 for a device. */
  public int subordinateBus() {
    return downstream == null ? 0 : config[0x1a] & 0xff;
  }

  /** Returns the bus behind a bridge, or null for a device. */
  @Nullable PciBus downstream() {
    return downstream;
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
   * for I/O, at most 2 GiB unless 64-bit) of the given type, told to {@code listener} when it moves. A
   * 64-bit BAR also takes register {@code index + 1}.
   *
   * @throws IllegalArgumentException if the index, size or type is invalid
   */
  public PciFunction bar(int index, long size, int type, BarListener listener) {
    boolean wide = is64(type);
    if (index < 0 || index + (wide ? 1 : 0) >= barCount) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": no such register (" + barCount
          + " BARs" + (wide ? ", a 64-bit BAR takes two" : "") + ")");
    }
    if (upperHalf[index] || (wide && barSize[index + 1] != 0)) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": the register is taken by a 64-bit BAR"
          + " or another BAR");
    }
    if (Long.bitCount(size) != 1 || size < (type == BAR_IO ? 4 : 16) || (!wide && size > 1L << 31)) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": bad size " + size);
    }
    if (type != BAR_MEMORY && type != BAR_MEMORY_PREFETCHABLE && type != BAR_IO && !wide) {
      throw new IllegalArgumentException("BAR" + index + " of " + name + ": bad type " + type);
    }
    if (wide) {
      upperHalf[index + 1] = true;
      put32(0x10 + 4 * (index + 1), 0);
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
    if (is64(barType[index])) {
      writeBar(index + 1, (int) (base >>> 32));
    }
    put16(0x04, command);
    notifyBars();
    return this;
  }

  /** Returns the address BAR {@code index} decodes at (type bits removed; both halves of a 64-bit BAR). */
  public long barBase(int index) {
    long raw = get32(0x10 + 4 * index) & 0xffff_ffffL;
    if (barType[index] == BAR_IO) {
      return raw & ~3L;
    }
    long high = is64(barType[index]) ? (get32(0x10 + 4 * (index + 1)) & 0xffff_ffffL) << 32 : 0;
    return high | (raw & ~15L);
  }

  private static boolean is64(int type) {
    return (type & 0x6) == BAR_MEMORY_64;
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
    if (dword >= 0x10 && dword < 0x10 + 4 * barCount) {
      writeBar((dword - 0x10) / 4, merged);
      notifyBars();
      return;
    }
    if (downstream != null && writeBridgeRegister(dword, merged)) {
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

  /**
   * Writes a type-1 register: bus numbers and secondary latency (0x18), I/O base/limit (0x1C, the secondary
   * status above them is not modelled and reads zero), memory and prefetchable windows with their upper
   * halves (0x20-0x30), and the interrupt line and bridge control (0x3C, 0x3E). Returns whether
   * {@code dword} was one of them.
   */
  private boolean writeBridgeRegister(int dword, int merged) {
    switch (dword) {
      case 0x18, 0x20, 0x24, 0x28, 0x2c, 0x30 -> put32(dword, merged);
      case 0x1c -> put16(0x1c, merged);
      case 0x3c -> {
        config[0x3c] = (byte) merged;
        put16(0x3e, merged >>> 16);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private void writeBar(int index, int value) {
    if (upperHalf[index]) {
      long size = barSize[index - 1];
      put32(0x10 + 4 * index, value & (int) (~(size - 1) >>> 32));
      return;
    }
    long size = barSize[index];
    if (size == 0) {
      return; // not implemented: reads zero
    }
    int addressMask = (int) ~(size - 1);
    put32(0x10 + 4 * index, (value & addressMask) | barType[index]);
  }

  private void notifyBars() {
    int command = get16(0x04);
    for (int i = 0; i < barCount; i++) {
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
