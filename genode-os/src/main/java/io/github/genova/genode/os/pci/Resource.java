package io.github.genova.genode.os.pci;

/**
 * One resource of a PCI function, decoded from its base address register(s): a range of I/O ports or of
 * physical memory of {@code size} bytes at {@code base}, or {@link Type#NONE} for a register that decodes
 * nothing (absent, or the upper half of a 64-bit BAR, whose resource is the one of the lower half).
 *
 * @param type what the range is
 * @param base where it starts (0 for {@link Type#NONE})
 * @param size its bytes, a power of two (0 for {@link Type#NONE})
 * @param prefetchable whether the memory may be prefetched (false for I/O and {@link Type#NONE})
 * @param wide whether the BAR is a 64-bit memory BAR, occupying this register and the next
 */
public record Resource(Type type, long base, long size, boolean prefetchable, boolean wide) {
  /** The kind of range a BAR decodes. */
  public enum Type {
    /** The register decodes nothing. */
    NONE,
    /** I/O ports. */
    IO,
    /** Physical memory. */
    MEMORY
  }

  /** The resource of a register that decodes nothing. */
  public static final Resource NONE = new Resource(Type.NONE, 0, 0, false, false);

  /** Returns whether the register decodes something. */
  public boolean valid() {
    return type != Type.NONE;
  }

  @Override
  public String toString() {
    if (type == Type.NONE) {
      return "none";
    }
    return String.format("%s [0x%x, 0x%x)%s%s", type == Type.IO ? "I/O" : "memory", base, base + size,
        wide ? " 64-bit" : "", prefetchable ? " prefetchable" : "");
  }
}
