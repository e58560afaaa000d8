package io.github.genova.genode.os.drivers.pci;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.Resource;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.pci.PciAddress;
import io.github.genova.platform.device.pci.PciFunction;
import io.github.genova.platform.device.vga.Vga;
import io.github.genova.platform.pc.StandardPc;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BAR decoding and sizing against x86-platform's PCI model: the std-VGA's prefetchable framebuffer BAR, and
 * an I/O BAR and a 32-bit memory BAR of a function the test adds through the model's public API. Sizing
 * writes all ones and restores: afterwards the registers, the command register and the devices' windows are
 * as before.
 */
class BarDecoderTest {
  private static final BusAddress VGA = new BusAddress(0, 2, 0);
  private static final BusAddress NIC = new BusAddress(0, 3, 0);

  private Machine machine;
  private StandardPc pc;
  private ConfigAccess config;
  private final List<String> moves = new ArrayList<>();

  @BeforeEach
  void standardPcWithANic() {
    machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build();
    pc = StandardPc.of(machine);
    PciFunction nic = new PciFunction("test NIC", 0x8086, 0x100e, 0x020000, 3)
        .bar(0, 0x2_0000, PciFunction.BAR_MEMORY, (bar, base, on) -> moves.add("BAR0 " + Long.toHexString(base) + " " + on))
        .bar(1, 0x40, PciFunction.BAR_IO, (bar, base, on) -> moves.add("BAR1 " + Long.toHexString(base) + " " + on));
    pc.pci().add(new PciAddress(0, 3, 0), nic);
    nic.assign(0, 0xfebc_0000L, PciFunction.COMMAND_IO | PciFunction.COMMAND_MEMORY);
    nic.assign(1, 0xc000, PciFunction.COMMAND_IO | PciFunction.COMMAND_MEMORY | PciFunction.COMMAND_BUS_MASTER);
    moves.clear();
    config = new ConfigMechanism1(new MachinePortSession(machine.ports()));
  }

  @AfterEach
  void close() {
    machine.close();
  }

  @Test
  void theVgasFramebufferBarIsPrefetchableMemoryOfItsVramSize() {
    List<Resource> bars = BarDecoder.decode(config, VGA, 6);
    assertThat(bars.get(0)).isEqualTo(new Resource(Resource.Type.MEMORY, Vga.DEFAULT_LFB, Vga.VRAM_BYTES, true, false));
    assertThat(bars.subList(1, 6)).as("BARs the std-VGA does not implement").containsOnly(Resource.NONE);
  }

  @Test
  void anIoBarAndA32BitMemoryBarAreDecodedWithTheirSizes() {
    List<Resource> bars = BarDecoder.decode(config, NIC, 6);
    assertThat(bars.get(0)).isEqualTo(new Resource(Resource.Type.MEMORY, 0xfebc_0000L, 0x2_0000, false, false));
    assertThat(bars.get(1)).isEqualTo(new Resource(Resource.Type.IO, 0xc000, 0x40, false, false));
    assertThat(bars.get(1).toString()).isEqualTo("I/O [0xc000, 0xc040)");
    assertThat(bars.get(0).toString()).isEqualTo("memory [0xfebc0000, 0xfebe0000)");
  }

  @Test
  void sizingRestoresTheBarsAndTheCommandRegisterAndDecodingIsOffMeanwhile() {
    int command = config.read(NIC, 0x04, 2);
    BarDecoder.decode(config, NIC, 6);
    assertThat(config.read(NIC, 0x10, 4)).isEqualTo(0xfebc_0000);
    assertThat(config.read(NIC, 0x14, 4)).isEqualTo(0xc001);
    assertThat(config.read(NIC, 0x04, 2)).isEqualTo(command);
    // The windows were switched off first, moved only while off, and came back on where they were.
    assertThat(moves).startsWith("BAR0 febc0000 false", "BAR1 c000 false").endsWith("BAR0 febc0000 true",
        "BAR1 c000 true");
    assertThat(moves).contains("BAR0 fffe0000 false", "BAR1 ffffffc0 false");
    assertThat(moves.stream().filter(m -> m.endsWith("true"))).hasSize(2);
  }

  @Test
  void theVgaFramebufferStaysWhereTheFirmwarePutItAfterTheScan() {
    BusScan.scan(config);
    PciFunction vga = Objects.requireNonNull(pc.pci().function(Vga.PCI_ADDRESS));
    assertThat(vga.barBase(0)).isEqualTo(Vga.DEFAULT_LFB);
    assertThat(vga.command() & 0x3).as("I/O and memory decoding on again").isEqualTo(0x3);
  }

  @Test
  void sixtyFourBitBarsTakeTwoRegistersAndAreSizedAcrossBoth() {
    PciFunction gpu = new PciFunction("test GPU", 0x10de, 0x1eb8, 0x030200, 0xa1)
        .bar(0, 8L << 30, PciFunction.BAR_MEMORY_64_PREFETCHABLE, (bar, base, on) -> { })
        .bar(2, 0x4000, PciFunction.BAR_MEMORY_64, (bar, base, on) -> { })
        .bar(4, 0x80, PciFunction.BAR_IO, (bar, base, on) -> { });
    pc.pci().add(new PciAddress(0, 4, 0), gpu);
    gpu.assign(0, 0x8_0000_0000L, 0).assign(2, 0xfd00_0000L, 0).assign(4, 0xd000, 0x3);
    BusAddress at = new BusAddress(0, 4, 0);
    List<Resource> bars = BarDecoder.decode(config, at, 6);
    assertThat(bars).containsExactly(
        new Resource(Resource.Type.MEMORY, 0x8_0000_0000L, 8L << 30, true, true), Resource.NONE,
        new Resource(Resource.Type.MEMORY, 0xfd00_0000L, 0x4000, false, true), Resource.NONE,
        new Resource(Resource.Type.IO, 0xd000, 0x80, false, false), Resource.NONE);
    assertThat(bars.get(0).toString()).isEqualTo("memory [0x800000000, 0xa00000000) 64-bit prefetchable");
    assertThat(gpu.barBase(0)).as("both halves restored").isEqualTo(0x8_0000_0000L);
    assertThat(gpu.barBase(2)).isEqualTo(0xfd00_0000L);
  }

  @Test
  void aBridgesTwoBarsAreDecoded() {
    PciFunction bridge = PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01).busNumbers(0, 1, 1)
        .bar(0, 0x1000, PciFunction.BAR_MEMORY, (bar, base, on) -> { });
    pc.pci().add(new PciAddress(0, 0x1e, 0), bridge);
    bridge.assign(0, 0xfeb0_0000L, 0x2);
    DeviceConfig found = BusScan.scan(config).stream().filter(DeviceConfig::bridge).findFirst().orElseThrow();
    assertThat(found.address().toString()).isEqualTo("00:1e.0");
    assertThat(found.resources()).containsExactly(
        new Resource(Resource.Type.MEMORY, 0xfeb0_0000L, 0x1000, false, false), Resource.NONE);
    assertThat(config.read(found.address(), 0x18, 4) & 0xff_ffff).as("bus numbers untouched by sizing")
        .isEqualTo(0x01_0100);
  }
}
