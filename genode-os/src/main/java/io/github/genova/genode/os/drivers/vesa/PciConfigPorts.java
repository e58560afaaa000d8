package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.InvalidConfigAccess;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.platform.x86.IoPorts;

/**
 * The PCI configuration ports 0xCF8-0xCFF as the video BIOS sees them in the driver's interpreter, emulated
 * through the PCI session for the VGA device alone (as Genode's {@code vesa_drv} does in x86emu): a dword
 * written to 0xCF8 is kept and read back; an access at 0xCFC-0xCFF reaches the VGA's configuration register
 * {@code (address & 0xFC) + (port - 0xCFC)} through {@link PciDevice#configRead}/{@link
 * PciDevice#configWrite} when the kept address has the enable bit and names the VGA's bus, device and
 * function. Every other function reads as absent (all ones) and ignores writes, as does an access the
 * session refuses (a misaligned one). The machine's own 0xCF8/0xCFC are never touched.
 */
final class PciConfigPorts implements IoPorts {
  /** The first port emulated (the configuration address). */
  static final int CONFIG_ADDRESS = 0xcf8;
  /** The configuration data ports start here. */
  static final int CONFIG_DATA = 0xcfc;
  /** The number of ports emulated: 0xCF8-0xCFF. */
  static final int PORTS = 8;
  private static final int ENABLE = 0x8000_0000;
  private static final int BUS_DEVICE_FUNCTION = 0x00ff_ff00;

  private final PciDevice vga;
  private final int vgaAddress;
  private int address;

  /** Emulates the ports for {@code vga}, the VGA device the PCI session handed out, at {@code at}. */
  PciConfigPorts(PciDevice vga, BusAddress at) {
    this.vga = vga;
    this.vgaAddress = at.configAddress() & BUS_DEVICE_FUNCTION;
  }

  /** Returns whether {@code port} is one of the emulated ports. */
  static boolean covers(int port) {
    return port >= CONFIG_ADDRESS && port < CONFIG_ADDRESS + PORTS;
  }

  @Override
  public int in(int port, int size) {
    if (port < CONFIG_DATA) {
      return port == CONFIG_ADDRESS && size == 4 ? address : absent(size);
    }
    if (!vgaSelected()) {
      return absent(size);
    }
    int offset = port - CONFIG_DATA;
    try {
      return vga.configRead((address & 0xfc) + offset, Math.min(size, 4 - offset));
    } catch (InvalidConfigAccess e) {
      return absent(size);
    }
  }

  @Override
  public void out(int port, int size, int value) {
    if (port < CONFIG_DATA) {
      if (port == CONFIG_ADDRESS && size == 4) {
        address = value & 0x80ff_fffc;
      }
      return;
    }
    if (vgaSelected()) {
      int offset = port - CONFIG_DATA;
      int bytes = Math.min(size, 4 - offset);
      try {
        vga.configWrite((address & 0xfc) + offset, bytes == 4 ? value : value & ((1 << (8 * bytes)) - 1), bytes);
      } catch (InvalidConfigAccess e) {
        // refused by the session (misaligned): dropped, as a write to an absent function
      }
    }
  }

  private boolean vgaSelected() {
    return (address & ENABLE) != 0 && (address & BUS_DEVICE_FUNCTION) == vgaAddress;
  }

  private static int absent(int size) {
    return size == 4 ? -1 : (1 << (8 * size)) - 1;
  }
}
