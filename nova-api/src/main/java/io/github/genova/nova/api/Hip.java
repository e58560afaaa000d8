package io.github.genova.nova.api;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The hypervisor information page, in the classic layout: a fixed header (signature "NOVA", a 16-bit
 * checksum making the sum of all 16-bit words zero, the length, where the CPU and memory descriptors are,
 * feature flags, API version and the selector counts), then one 8-byte descriptor per CPU and one 24-byte
 * descriptor per memory region. This class is a read-only view of such a page; {@link #format} writes one.
 */
public final class Hip {
  /** The signature word, "NOVA" in little-endian ASCII. */
  public static final int SIGNATURE = 0x41564f4e;
  /** Feature flag: an IOMMU is present. */
  public static final int FEATURE_IOMMU = 1;
  /** Feature flag: VMX is available. */
  public static final int FEATURE_VMX = 2;
  /** Feature flag: SVM is available. */
  public static final int FEATURE_SVM = 4;
  /** Memory descriptor type: usable RAM. */
  public static final int MEM_AVAILABLE = 1;
  /** Memory descriptor type: reserved. */
  public static final int MEM_RESERVED = 2;
  /** Memory descriptor type: used by the hypervisor. */
  public static final int MEM_HYPERVISOR = -1;
  /** Memory descriptor type: a boot module; aux holds the offset of its name on the command line. */
  public static final int MEM_MODULE = -2;

  private static final int HEADER = 56;
  private static final int CPU_DESC = 8;
  private static final int MEM_DESC = 24;
  private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
  private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
  private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED;

  private final MemorySegment page;

  /** Views {@code page} as a HIP; {@link #isValid()} says whether it is one. */
  public Hip(MemorySegment page) {
    this.page = page;
  }

  /**
   * A memory region.
   *
   * @param address physical start
   * @param size length in bytes
   * @param type {@link #MEM_AVAILABLE}, {@link #MEM_RESERVED}, {@link #MEM_HYPERVISOR}, {@link #MEM_MODULE}
   * @param aux type-specific (for modules: the command-line offset)
   */
  public record MemoryRegion(long address, long size, int type, int aux) {}

  /**
   * The values of a HIP to write.
   *
   * @param cpus number of CPUs (all enabled)
   * @param features feature flags
   * @param apiVersion the interface version
   * @param selectors object-space size (SEL)
   * @param events host exception selectors (EXC)
   * @param vmEvents vCPU event selectors (VMI)
   * @param gsis global system interrupts (GSI)
   * @param pageSizes supported page sizes as a bit mask of their log2
   * @param utcbSizes supported UTCB sizes as a bit mask of their log2
   * @param tscKhz TSC frequency in kHz
   * @param busKhz bus frequency in kHz
   * @param memory memory regions
   */
  public record Fields(int cpus, int features, int apiVersion, int selectors, int events, int vmEvents, int gsis,
      int pageSizes, int utcbSizes, int tscKhz, int busKhz, List<MemoryRegion> memory) {}

  /**
   * Writes a HIP with the given fields into {@code page}, with a valid checksum.
   *
   * @throws IllegalArgumentException if it does not fit
   */
  public static Hip format(MemorySegment page, Fields f) {
    long length = HEADER + (long) CPU_DESC * f.cpus() + (long) MEM_DESC * f.memory().size();
    if (length > page.byteSize() || length > 0xffff) {
      throw new IllegalArgumentException("HIP of " + length + " bytes does not fit " + page.byteSize());
    }
    page.asSlice(0, length).fill((byte) 0);
    page.set(U32, 0, SIGNATURE);
    page.set(U16, 6, (short) length);
    page.set(U16, 8, (short) HEADER);
    page.set(U16, 10, (short) CPU_DESC);
    page.set(U16, 12, (short) (HEADER + CPU_DESC * f.cpus()));
    page.set(U16, 14, (short) MEM_DESC);
    page.set(U32, 16, f.features());
    page.set(U32, 20, f.apiVersion());
    page.set(U32, 24, f.selectors());
    page.set(U32, 28, f.events());
    page.set(U32, 32, f.vmEvents());
    page.set(U32, 36, f.gsis());
    page.set(U32, 40, f.pageSizes());
    page.set(U32, 44, f.utcbSizes());
    page.set(U32, 48, f.tscKhz());
    page.set(U32, 52, f.busKhz());
    for (int c = 0; c < f.cpus(); c++) {
      long at = HEADER + (long) CPU_DESC * c;
      page.set(ValueLayout.JAVA_BYTE, at, (byte) 1); // enabled
      page.set(ValueLayout.JAVA_BYTE, at + 2, (byte) c); // core
    }
    long at = HEADER + (long) CPU_DESC * f.cpus();
    for (MemoryRegion m : f.memory()) {
      page.set(U64, at, m.address());
      page.set(U64, at + 8, m.size());
      page.set(U32, at + 16, m.type());
      page.set(U32, at + 20, m.aux());
      at += MEM_DESC;
    }
    Hip hip = new Hip(page);
    page.set(U16, 4, (short) -hip.wordSum());
    return hip;
  }

  /** Returns whether the page starts with the signature and its 16-bit words sum to zero. */
  public boolean isValid() {
    return page.byteSize() >= HEADER && signature() == SIGNATURE && length() <= page.byteSize()
        && wordSum() == 0;
  }

  private int wordSum() {
    int sum = 0;
    int length = length() & ~1;
    for (int i = 0; i < length; i += 2) {
      sum += page.get(U16, i);
    }
    return sum & 0xffff;
  }

  /** Returns the signature word. */
  public int signature() {
    return page.get(U32, 0);
  }

  /** Returns the checksum word. */
  public int checksum() {
    return page.get(U16, 4) & 0xffff;
  }

  /** Returns the HIP's length in bytes. */
  public int length() {
    return page.get(U16, 6) & 0xffff;
  }

  /** Returns the feature flags. */
  public int features() {
    return page.get(U32, 16);
  }

  /** Returns the API version. */
  public int apiVersion() {
    return page.get(U32, 20);
  }

  /** Returns the object-space size (SEL): object selectors wrap modulo this. */
  public int selectors() {
    return page.get(U32, 24);
  }

  /** Returns the number of host exception selectors (EXC, 32). */
  public int events() {
    return page.get(U32, 28);
  }

  /** Returns the number of vCPU event selectors (VMI, 256). */
  public int vmEvents() {
    return page.get(U32, 32);
  }

  /** Returns the number of global system interrupts (GSI). */
  public int gsis() {
    return page.get(U32, 36);
  }

  /** Returns the TSC frequency in kHz. */
  public int tscKhz() {
    return page.get(U32, 48);
  }

  /** Returns the number of CPU descriptors. */
  public int cpuCount() {
    int size = page.get(U16, 10) & 0xffff;
    return size == 0 ? 0 : ((page.get(U16, 12) & 0xffff) - (page.get(U16, 8) & 0xffff)) / size;
  }

  /** Returns whether CPU {@code n} is enabled (online). */
  public boolean cpuEnabled(int n) {
    if (n < 0 || n >= cpuCount()) {
      return false;
    }
    return (page.get(ValueLayout.JAVA_BYTE, (page.get(U16, 8) & 0xffff) + (long) CPU_DESC * n) & 1) != 0;
  }

  /** Returns the memory regions. */
  public List<MemoryRegion> memory() {
    int offset = page.get(U16, 12) & 0xffff;
    int size = page.get(U16, 14) & 0xffff;
    var result = new ArrayList<MemoryRegion>();
    for (long at = offset; size > 0 && at + size <= length(); at += size) {
      result.add(new MemoryRegion(page.get(U64, at), page.get(U64, at + 8), page.get(U32, at + 16),
          page.get(U32, at + 20)));
    }
    return List.copyOf(result);
  }
}
