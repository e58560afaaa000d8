package io.github.genova.genode.os.drivers.pci;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.pci.PciAddress;
import io.github.genova.platform.device.pci.PciFunction;
import io.github.genova.platform.pc.StandardPc;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver's scan against x86-platform's PCI model through configuration mechanism #1: the standard PC
 * (00:00.0 i440FX host bridge 8086:1237, 00:02.0 std-VGA 1234:1111), and functions the tests add through the
 * model's public API (a multi-function device with a hole).
 */
class BusScanTest {
  private Machine machine;
  private StandardPc pc;
  private MachinePortSession ports;

  @BeforeEach
  void standardPc() {
    machine = Machine.builder().ram(8L << 20).devices(StandardPc.devices()).build();
    pc = StandardPc.of(machine);
    ports = new MachinePortSession(machine.ports());
  }

  @AfterEach
  void close() {
    machine.close();
  }

  private List<DeviceConfig> scan() {
    return BusScan.scan(new ConfigMechanism1(ports));
  }

  /** Returns the 0xCF8 addresses of function {@code dev}.{@code fn} on bus 0 the scan selected. */
  private List<Integer> selectedOf(int dev, int fn) {
    int function = new BusAddress(0, dev, fn).configAddress();
    return ports.selected.stream().filter(a -> (a & 0xffff_ff00) == function).toList();
  }

  @Test
  void item74_theStandardPcsFunctionsAreFoundAndAbsentOnesSkipped() {
    List<DeviceConfig> found = scan();
    assertThat(found).map(DeviceConfig::toString).containsExactly(
        "00:00.0 8086:1237 class 060000", "00:02.0 1234:1111 class 030000");
    // Device 1 is absent (vendor 0xFFFF): only its vendor register is read, none of its functions 1-7.
    assertThat(selectedOf(1, 0)).containsExactly(new BusAddress(0, 1, 0).configAddress());
    for (int fn = 1; fn < 8; fn++) {
      assertThat(selectedOf(1, fn)).as("00:01.%d", fn).isEmpty();
      assertThat(selectedOf(0, fn)).as("functions of the single-function host bridge, 00:00.%d", fn).isEmpty();
    }
  }

  @Test
  void item74_aMultiFunctionDevicesFunctionsAreScannedPastAnAbsentOne() {
    pc.pci().add(new PciAddress(0, 5, 0), new PciFunction("test NIC", 0x8086, 0x100e, 0x020000, 3));
    pc.pci().add(new PciAddress(0, 5, 2), new PciFunction("test audio", 0x8086, 0x2415, 0x040100, 1));
    List<DeviceConfig> found = scan();
    assertThat(found).map(DeviceConfig::toString).containsExactly("00:00.0 8086:1237 class 060000",
        "00:02.0 1234:1111 class 030000", "00:05.0 8086:100e class 020000", "00:05.2 8086:2415 class 040100");
    assertThat(selectedOf(5, 1)).as("the absent function 1 is looked at, then skipped").isNotEmpty();
    assertThat(found.get(2).headerType()).as("without the multi-function bit").isZero();
  }

  @Test
  void theScanIsInBusOrderAndEveryFunctionHasSixBarsDecoded() {
    pc.pci().add(new PciAddress(0, 3, 0), new PciFunction("test disk", 0x8086, 0x7010, 0x010180, 0));
    List<DeviceConfig> found = scan();
    assertThat(found).map(d -> d.address().toString()).containsExactly("00:00.0", "00:02.0", "00:03.0");
    assertThat(found).allSatisfy(d -> assertThat(d.resources()).hasSize(6));
  }

  @Test
  void theScanDescendsIntoBridgesAndListsEveryBusInBusOrder() {
    pc.pci().add(new PciAddress(0, 0x1e, 0),
        PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01).busNumbers(0, 1, 2));
    pc.pci().add(new PciAddress(0, 0x1f, 0), new PciFunction("test ISA bridge", 0x8086, 0x2918, 0x060100, 2));
    pc.pci().add(new PciAddress(0, 0x1f, 2), new PciFunction("test SATA", 0x8086, 0x2922, 0x010601, 2));
    pc.pci().add(new PciAddress(1, 1, 0),
        PciFunction.bridge("test switch", 0x10b5, 0x8606, 0xba).busNumbers(1, 2, 2));
    pc.pci().add(new PciAddress(1, 0, 0), new PciFunction("test NIC", 0x8086, 0x10d3, 0x020000, 0));
    pc.pci().add(new PciAddress(2, 3, 0), new PciFunction("test audio", 0x8086, 0x293e, 0x040300, 3));
    List<DeviceConfig> found = scan();
    assertThat(found).map(DeviceConfig::toString).containsExactly(
        "00:00.0 8086:1237 class 060000",
        "00:02.0 1234:1111 class 030000",
        "00:1e.0 8086:244e class 060400",
        "00:1f.0 8086:2918 class 060100",
        "00:1f.2 8086:2922 class 010601",
        "01:00.0 8086:10d3 class 020000",
        "01:01.0 10b5:8606 class 060400",
        "02:03.0 8086:293e class 040300");
    assertThat(found.get(2).bridge()).isTrue();
    assertThat(found.get(2).resources()).as("a type-1 header has two BARs").hasSize(2);
    assertThat(ports.selected).as("bus 3, which no bridge leads to, is never scanned")
        .noneMatch(a -> (a >>> 16 & 0xff) == 3);
  }

  @Test
  void anUnconfiguredBridgeAddsNoBusAndTheScanEnds() {
    pc.pci().add(new PciAddress(0, 0x1e, 0), PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01));
    List<DeviceConfig> found = scan();
    assertThat(found).map(d -> d.address().toString()).containsExactly("00:00.0", "00:02.0", "00:1e.0");
    assertThat(ports.selected).allMatch(a -> (a >>> 16 & 0xff) == 0);
  }
}
