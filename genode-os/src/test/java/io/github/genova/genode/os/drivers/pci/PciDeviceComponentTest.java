package io.github.genova.genode.os.drivers.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.os.pci.InvalidConfigAccess;
import io.github.genova.genode.os.pci.Resource;
import io.github.genova.platform.Machine;
import io.github.genova.platform.pc.StandardPc;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A device object's configuration accesses of 8, 16 and 32 bits against the std-VGA of x86-platform's PCI
 * model, and the accesses it refuses — a size other than 1, 2 or 4, a register beyond 0xFF, a misaligned
 * one — with an error naming what is wrong, touching nothing.
 */
class PciDeviceComponentTest {
  private Machine machine;
  private PciDeviceComponent vga;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void theVgaAsTheScanFoundIt() {
    machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build();
    ConfigAccess config = new ConfigMechanism1(new MachinePortSession(machine.ports()));
    List<DeviceConfig> devices = BusScan.scan(config);
    vga = new PciDeviceComponent(1, devices.get(1), config, new Log("pci_drv", log::add));
  }

  @AfterEach
  void close() {
    machine.close();
  }

  @Test
  void identityClassAndResourcesAreTheScans() {
    assertThat(vga.busAddress().toString()).isEqualTo("00:02.0");
    assertThat(vga.vendorId()).isEqualTo(0x1234);
    assertThat(vga.deviceId()).isEqualTo(0x1111);
    assertThat(vga.classCode()).isEqualTo(0x030000);
    assertThat(vga.resource(0).type()).isEqualTo(Resource.Type.MEMORY);
    assertThat(vga.resource(1)).isEqualTo(Resource.NONE);
    assertThat(vga.resource(6)).as("beyond the six BARs").isEqualTo(Resource.NONE);
    assertThat(vga.resource(-1)).isEqualTo(Resource.NONE);
  }

  @Test
  void readsOf8And16And32BitsReachTheRightBytes() throws InvalidConfigAccess {
    assertThat(vga.configRead(0x00, 4)).isEqualTo(0x1111_1234);
    assertThat(vga.configRead(0x00, 2)).isEqualTo(0x1234);
    assertThat(vga.configRead(0x02, 2)).isEqualTo(0x1111);
    assertThat(vga.configRead(0x01, 1)).isEqualTo(0x12);
    assertThat(vga.configRead(0x0b, 1)).as("base class").isEqualTo(0x03);
    assertThat(vga.configRead(0x2c, 4)).as("subsystem").isEqualTo(0x1100_1af4);
  }

  @Test
  void writesOf8And16And32BitsLandWhereTheyShould() throws InvalidConfigAccess {
    vga.configWrite(0x3c, 0x0b, 1);
    assertThat(vga.configRead(0x3c, 1)).as("interrupt line").isEqualTo(0x0b);
    vga.configWrite(0x40, 0xcafe, 2);
    vga.configWrite(0x42, 0xbabe, 2);
    assertThat(vga.configRead(0x40, 4)).isEqualTo(0xbabe_cafe);
    vga.configWrite(0x44, 0x1234_5678, 4);
    assertThat(vga.configRead(0x45, 1)).isEqualTo(0x56);
    assertThat(vga.configRead(0x46, 2)).isEqualTo(0x1234);
  }

  @Test
  void aSizeOtherThan1Or2Or4IsRefusedNamingTheSizeAndNothingIsWritten() throws InvalidConfigAccess {
    vga.configWrite(0x3c, 0x05, 1);
    assertThatThrownBy(() -> vga.configWrite(0x3c, 0x0a, 3)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessage("PCI configuration access of size 3 at 0x3c: the size must be 1, 2 or 4");
    assertThatThrownBy(() -> vga.configRead(0x00, 8)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessageContaining("size 8");
    assertThatThrownBy(() -> vga.configRead(0x00, 0)).isInstanceOf(InvalidConfigAccess.class);
    assertThat(vga.configRead(0x3c, 1)).isEqualTo(0x05);
    assertThat(log).contains("[pci_drv] Warning: 00:02.0: PCI configuration access of size 3 at 0x3c: the size"
        + " must be 1, 2 or 4");
  }

  @Test
  void aRegisterBeyond0xffIsRefusedAndSoIsAMisalignedAccess() {
    assertThatThrownBy(() -> vga.configRead(0x100, 1)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessage("PCI configuration register 0x100 (size 1) lies beyond the 256-byte configuration space"
            + " 0x00-0xff");
    assertThatThrownBy(() -> vga.configRead(0xfe, 4)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessageContaining("beyond");
    assertThatThrownBy(() -> vga.configWrite(-4, 0, 4)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessageContaining("beyond");
    assertThatThrownBy(() -> vga.configRead(0x01, 2)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessage("PCI configuration access of size 2 at 0x1 is not aligned to its size");
    assertThatThrownBy(() -> vga.configRead(0x02, 4)).isInstanceOf(InvalidConfigAccess.class)
        .hasMessageContaining("not aligned");
  }
}
