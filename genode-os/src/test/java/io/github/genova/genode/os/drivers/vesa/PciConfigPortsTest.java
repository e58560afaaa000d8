package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.InvalidConfigAccess;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.Resource;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.pci.PciAddress;
import io.github.genova.platform.device.pci.PciHostBridge;
import io.github.genova.platform.device.vga.Vga;
import io.github.genova.platform.pc.StandardPc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The video BIOS's view of 0xCF8-0xCFF when vesa_drv has the VGA from a PCI session: the kept address reads
 * back, data accesses of every width reach the VGA's configuration space through the device, every other
 * function reads as absent, and the machine's own configuration ports are never touched. The device here is
 * the standard PC's std-VGA reached through the PCI model's host-side access, checked as the PCI session
 * checks it.
 */
class PciConfigPortsTest {
  private static final int VGA = 0x8000_1000; // 00:02.0
  private static final int HOST_BRIDGE = 0x8000_0000; // 00:00.0

  private Machine machine;
  private PciHostBridge model;
  private PciConfigPorts ports;
  private final List<String> calls = new ArrayList<>();

  /** The std-VGA as a PCI session serves it, recording the configuration accesses. */
  private final class ModelVga implements PciDevice {
    private final PciAddress at = Vga.PCI_ADDRESS;

    @Override
    public BusAddress busAddress() {
      return new BusAddress(at.bus(), at.device(), at.function());
    }

    @Override
    public int vendorId() {
      return model.configRead(at, 0, 2);
    }

    @Override
    public int deviceId() {
      return model.configRead(at, 2, 2);
    }

    @Override
    public int classCode() {
      return model.configRead(at, 8, 4) >>> 8;
    }

    @Override
    public Resource resource(int id) {
      return Resource.NONE;
    }

    @Override
    public int configRead(int address, int size) throws InvalidConfigAccess {
      InvalidConfigAccess.check(address, size);
      calls.add("read " + Integer.toHexString(address) + "/" + size);
      return model.configRead(at, address, size);
    }

    @Override
    public void configWrite(int address, int value, int size) throws InvalidConfigAccess {
      InvalidConfigAccess.check(address, size);
      calls.add("write " + Integer.toHexString(address) + "/" + size + " " + Integer.toHexString(value));
      model.configWrite(at, address, size, value);
    }
  }

  @BeforeEach
  void standardPc() {
    machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build();
    model = StandardPc.of(machine).pci();
    ModelVga vga = new ModelVga();
    ports = new PciConfigPorts(vga, vga.busAddress());
  }

  @AfterEach
  void close() {
    machine.close();
  }

  @Test
  void theAddressIsKeptAndReadsOfEveryWidthReachTheVga() {
    ports.out(0xcf8, 4, VGA | 0x08);
    assertThat(ports.in(0xcf8, 4)).isEqualTo(VGA | 0x08);
    assertThat(ports.in(0xcfc, 4)).as("revision and class").isEqualTo(0x0300_0002);
    assertThat(ports.in(0xcfe, 2)).isEqualTo(0x0300);
    assertThat(ports.in(0xcff, 1)).isEqualTo(0x03);
    ports.out(0xcf8, 4, VGA);
    assertThat(ports.in(0xcfc, 4)).isEqualTo(0x1111_1234);
    assertThat(ports.in(0xcfc, 2)).isEqualTo(0x1234);
    assertThat(calls).containsExactly("read 8/4", "read a/2", "read b/1", "read 0/4", "read 0/2");
  }

  @Test
  void writesOfEveryWidthReachTheVgasConfigurationSpace() {
    ports.out(0xcf8, 4, VGA | 0x3c);
    ports.out(0xcfc, 1, 0x0b);
    ports.out(0xcf8, 4, VGA | 0x40);
    ports.out(0xcfe, 2, 0xbeef);
    ports.out(0xcf8, 4, VGA | 0x44);
    ports.out(0xcfc, 4, 0x1234_5678);
    assertThat(model.configRead(Vga.PCI_ADDRESS, 0x3c, 1)).isEqualTo(0x0b);
    assertThat(model.configRead(Vga.PCI_ADDRESS, 0x42, 2)).isEqualTo(0xbeef);
    assertThat(model.configRead(Vga.PCI_ADDRESS, 0x44, 4)).isEqualTo(0x1234_5678);
  }

  @Test
  void otherFunctionsAndADisabledAddressReadAsAbsentAndIgnoreWrites() {
    ports.out(0xcf8, 4, HOST_BRIDGE);
    assertThat(ports.in(0xcfc, 4)).as("the machine's host bridge is not reached").isEqualTo(-1);
    assertThat(ports.in(0xcfc, 2)).isEqualTo(0xffff);
    assertThat(ports.in(0xcfd, 1)).isEqualTo(0xff);
    ports.out(0xcf8, 4, HOST_BRIDGE | 0x3c);
    ports.out(0xcfc, 1, 0x0e);
    assertThat(model.configRead(new PciAddress(0, 0, 0), 0x3c, 1)).isZero();
    ports.out(0xcf8, 4, VGA & 0x7fff_ffff);
    assertThat(ports.in(0xcfc, 4)).as("enable bit clear").isEqualTo(-1);
    assertThat(calls).isEmpty();
    assertThat(model.in(0xcf8, 4)).as("the machine's address register was never written").isZero();
  }

  @Test
  void aMisalignedAccessTheSessionRefusesReadsAsAbsentAndWritesNothing() {
    ports.out(0xcf8, 4, VGA | 0x3c);
    assertThat(ports.in(0xcfd, 2)).isEqualTo(0xffff);
    ports.out(0xcfd, 2, 0x1234);
    assertThat(model.configRead(Vga.PCI_ADDRESS, 0x3c, 4)).isEqualTo(0);
    assertThat(ports.in(0xcfe, 4)).as("clipped to the dword: a word at 0x3e").isEqualTo(0);
  }
}
