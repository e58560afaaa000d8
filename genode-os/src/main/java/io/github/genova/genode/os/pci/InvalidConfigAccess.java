package io.github.genova.genode.os.pci;

/**
 * A configuration-space access the PCI session refuses: its size is not 1, 2 or 4 bytes, its register lies
 * outside 0x00-0xFF, or it is not naturally aligned (mechanism #1 reaches one dword at a time, so a
 * 16-bit access must start at an even register and a 32-bit one at a multiple of four). Nothing is read or
 * written.
 */
public final class InvalidConfigAccess extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates it with the general message (the form in which it crosses an RPC). */
  public InvalidConfigAccess() {
    super("invalid PCI configuration access: the size must be 1, 2 or 4, the register 0x00-0xff and"
        + " aligned to the size");
  }

  /** Creates it naming the access. */
  public InvalidConfigAccess(String message) {
    super(message);
  }

  /**
   * Checks an access of {@code size} bytes at {@code register}.
   *
   * @throws InvalidConfigAccess naming what is wrong
   */
  public static void check(int register, int size) throws InvalidConfigAccess {
    if (size != 1 && size != 2 && size != 4) {
      throw new InvalidConfigAccess("PCI configuration access of size " + size + " at 0x"
          + Integer.toHexString(register) + ": the size must be 1, 2 or 4");
    }
    if (register < 0 || register + size > 0x100) {
      throw new InvalidConfigAccess("PCI configuration register 0x" + Integer.toHexString(register)
          + " (size " + size + ") lies beyond the 256-byte configuration space 0x00-0xff");
    }
    if (register % size != 0) {
      throw new InvalidConfigAccess("PCI configuration access of size " + size + " at 0x"
          + Integer.toHexString(register) + " is not aligned to its size");
    }
  }
}
