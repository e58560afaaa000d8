package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.platform.x86.IoPorts;
import java.util.ArrayList;
import java.util.List;

/**
 * An IO_PORT session performed on a machine's ports directly (no kernel), recording every dword written to
 * 0xCF8, so tests see which functions and registers the driver selected.
 */
final class MachinePortSession implements IoPortSession {
  private final IoPorts ports;
  /** The configuration addresses written to 0xCF8, in order. */
  final List<Integer> selected = new ArrayList<>();

  MachinePortSession(IoPorts ports) {
    this.ports = ports;
  }

  @Override
  public int inb(int port) {
    return ports.in(port, 1) & 0xff;
  }

  @Override
  public int inw(int port) {
    return ports.in(port, 2) & 0xffff;
  }

  @Override
  public int inl(int port) {
    return ports.in(port, 4);
  }

  @Override
  public void outb(int port, int value) {
    ports.out(port, 1, value);
  }

  @Override
  public void outw(int port, int value) {
    ports.out(port, 2, value);
  }

  @Override
  public void outl(int port, int value) {
    if (port == ConfigMechanism1.CONFIG_ADDRESS) {
      selected.add(value);
    }
    ports.out(port, 4, value);
  }
}
