package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.os.pci.BusAddress;

/**
 * PCI configuration mechanism #1 over an IO_PORT session for 0xCF8-0xCFF: a dword write of {@code
 * 0x8000_0000 | bus << 16 | device << 11 | function << 8 | (register & ~3)} to {@value #CONFIG_ADDRESS}
 * selects the register's dword, which is read or written at {@value #CONFIG_DATA} — a byte at {@code 0xCFC +
 * (register & 3)}, a word at {@code 0xCFC + (register & 2)}, a dword at 0xCFC.
 */
final class ConfigMechanism1 implements ConfigAccess {
  /** The configuration address port. */
  static final int CONFIG_ADDRESS = 0xcf8;
  /** The configuration data port. */
  static final int CONFIG_DATA = 0xcfc;
  /** The ports of the mechanism: 0xCF8-0xCFF. */
  static final int PORTS = 8;

  private final IoPortSession ports;

  /** Reaches configuration space through {@code ports}, a session covering 0xCF8-0xCFF. */
  ConfigMechanism1(IoPortSession ports) {
    this.ports = ports;
  }

  @Override
  public int read(BusAddress at, int register, int size) {
    select(at, register);
    return switch (size) {
      case 1 -> ports.inb(CONFIG_DATA + (register & 3)) & 0xff;
      case 2 -> ports.inw(CONFIG_DATA + (register & 2)) & 0xffff;
      default -> ports.inl(CONFIG_DATA);
    };
  }

  @Override
  public void write(BusAddress at, int register, int size, int value) {
    select(at, register);
    switch (size) {
      case 1 -> ports.outb(CONFIG_DATA + (register & 3), value & 0xff);
      case 2 -> ports.outw(CONFIG_DATA + (register & 2), value & 0xffff);
      default -> ports.outl(CONFIG_DATA, value);
    }
  }

  private void select(BusAddress at, int register) {
    ports.outl(CONFIG_ADDRESS, at.configAddress() | (register & 0xfc));
  }
}
