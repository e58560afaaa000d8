package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.os.pci.BusAddress;

/**
 * Access to the configuration space of the functions on the PCI buses (Genode's {@code Config_access}):
 * {@code size} is 1, 2 or 4 and {@code register} is naturally aligned within 0x00-0xFF (callers check). An
 * absent function reads all ones and ignores writes. Not thread-safe: selecting a register and reaching it
 * are two steps; the driver's entrypoint is its only user.
 */
interface ConfigAccess {
  /** Reads {@code size} bytes at {@code register} of the function at {@code at}, zero-extended. */
  int read(BusAddress at, int register, int size);

  /** Writes the low {@code size} bytes of {@code value} to {@code register} of the function at {@code at}. */
  void write(BusAddress at, int register, int size, int value);
}
