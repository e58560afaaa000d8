package io.github.genova.genode.os.pci;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A PCI function a {@link PciSession} handed out (Genode's {@code Pci::Device}): its bus address and
 * identity as the scan found them, its resources decoded from the base address registers, and access to
 * its 256-byte configuration space. The capability is valid until the session releases the device or
 * closes. Opcodes are stable: 0 {@code bus_address}, 1 {@code vendor_id}, 2 {@code device_id}, 3 {@code
 * class_code}, 4 {@code resource}, 5 {@code config_read}, 6 {@code config_write}.
 */
public interface PciDevice {
  /** The number of resources (base address registers) of a type-0 header. */
  int MAX_RESOURCES = 6;

  /** Returns the function's bus, device and function number. */
  @RpcFunction(0)
  BusAddress busAddress();

  /** Returns the vendor ID (configuration register 0x00). */
  @RpcFunction(1)
  int vendorId();

  /** Returns the device ID (configuration register 0x02). */
  @RpcFunction(2)
  int deviceId();

  /**
   * Returns the 24-bit class code (registers 0x09-0x0B): base class in bits 23-16, subclass in 15-8,
   * programming interface in 7-0; a VGA controller has {@code classCode() >> 8 == 0x0300}.
   */
  @RpcFunction(3)
  int classCode();

  /**
   * Returns resource {@code id} (0..5, base address register {@code id}); {@link Resource#NONE} for a
   * register that decodes nothing, the upper half of a 64-bit BAR, or an {@code id} outside 0..5 (a PCI
   * bridge has only BARs 0 and 1).
   */
  @RpcFunction(4)
  Resource resource(int id);

  /**
   * Reads {@code size} bytes (1, 2 or 4) at configuration register {@code address}.
   *
   * @throws InvalidConfigAccess if the size, register or alignment is wrong; nothing is read
   */
  @RpcFunction(5)
  int configRead(int address, int size) throws InvalidConfigAccess;

  /**
   * Writes the low {@code size} bytes (1, 2 or 4) of {@code value} to configuration register {@code address}.
   *
   * @throws InvalidConfigAccess if the size, register or alignment is wrong; nothing is written
   */
  @RpcFunction(6)
  void configWrite(int address, int value, int size) throws InvalidConfigAccess;
}
