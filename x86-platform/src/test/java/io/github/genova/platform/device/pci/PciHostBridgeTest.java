package io.github.genova.platform.device.pci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.Machine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PciHostBridgeTest {
  private Machine machine;
  private PciHostBridge bridge;
  private final List<String> barEvents = new ArrayList<>();

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(PciHostBridge::attach).build();
    bridge = machine.device(PciHostBridge.class);
    bridge.add(new PciAddress(0, 3, 0), new PciFunction("test NIC", 0x8086, 0x100e, 0x020000, 0x03)
        .bar(0, 0x20000, PciFunction.BAR_MEMORY, (bar, base, on) -> barEvents.add(bar + "@" + Long.toHexString(base) + (on ? "+" : "-")))
        .bar(1, 0x40, PciFunction.BAR_IO, (bar, base, on) -> barEvents.add(bar + "@" + Long.toHexString(base) + (on ? "+" : "-")))
        .interrupt(1, 11));
  }

  private int configRead(int bus, int dev, int fn, int reg, int size) {
    machine.ports().out(0xcf8, 4, 0x8000_0000 | bus << 16 | dev << 11 | fn << 8 | (reg & 0xfc));
    return machine.ports().in(0xcfc + (reg & 3), size);
  }

  private void configWrite(int bus, int dev, int fn, int reg, int size, int value) {
    machine.ports().out(0xcf8, 4, 0x8000_0000 | bus << 16 | dev << 11 | fn << 8 | (reg & 0xfc));
    machine.ports().out(0xcfc + (reg & 3), size, value);
  }

  @Test
  void hostBridgeIsFunctionZeroOfBusZero() {
    assertThat(configRead(0, 0, 0, 0x00, 4)).isEqualTo(0x1237_8086);
    assertThat(configRead(0, 0, 0, 0x0b, 1)).isEqualTo(0x06);
    assertThat(configRead(0, 0, 0, 0x0a, 1)).isEqualTo(0x00);
  }

  @Test
  void absentFunctionsAndOtherBusesReadAllOnes() {
    assertThat(configRead(0, 5, 0, 0x00, 4)).isEqualTo(-1);
    assertThat(configRead(1, 0, 0, 0x00, 4)).isEqualTo(-1);
    assertThat(configRead(0, 5, 0, 0x00, 2)).isEqualTo(0xffff);
  }

  @Test
  void addressRegisterReadsBackAndNeedsTheEnableBit() {
    machine.ports().out(0xcf8, 4, 0x8000_1804);
    assertThat(machine.ports().in(0xcf8, 4)).isEqualTo(0x8000_1804);
    machine.ports().out(0xcf8, 4, 0x0000_0000);
    assertThat(machine.ports().in(0xcfc, 4)).isEqualTo(-1);
  }

  @Test
  void byteAndWordAccessesAtCfcToCff() {
    assertThat(configRead(0, 3, 0, 0x00, 1)).isEqualTo(0x86);
    assertThat(configRead(0, 3, 0, 0x01, 1)).isEqualTo(0x80);
    assertThat(configRead(0, 3, 0, 0x02, 2)).isEqualTo(0x100e);
    assertThat(configRead(0, 3, 0, 0x03, 1)).isEqualTo(0x10);
    assertThat(configRead(0, 3, 0, 0x3d, 1)).isEqualTo(1);
    configWrite(0, 3, 0, 0x3c, 1, 5);
    assertThat(configRead(0, 3, 0, 0x3c, 1)).isEqualTo(5);
  }

  @Test
  void readOnlyIdentificationIgnoresWrites() {
    configWrite(0, 3, 0, 0x00, 4, 0x1234_5678);
    configWrite(0, 3, 0, 0x3d, 1, 4);
    assertThat(configRead(0, 3, 0, 0x00, 4)).isEqualTo(0x100e_8086);
    assertThat(configRead(0, 3, 0, 0x3d, 1)).isEqualTo(1);
  }

  @Test
  void barSizeProbingWithAllOnes() {
    configWrite(0, 3, 0, 0x10, 4, 0xffff_ffff);
    assertThat(configRead(0, 3, 0, 0x10, 4)).isEqualTo(0xfffe_0000);
    configWrite(0, 3, 0, 0x14, 4, 0xffff_ffff);
    assertThat(configRead(0, 3, 0, 0x14, 4)).isEqualTo(0xffff_ffc1);
    configWrite(0, 3, 0, 0x18, 4, 0xffff_ffff); // not implemented
    assertThat(configRead(0, 3, 0, 0x18, 4)).isZero();
  }

  @Test
  void barDecodingFollowsAddressAndCommandRegister() {
    configWrite(0, 3, 0, 0x10, 4, 0xfebc_1234);
    assertThat(configRead(0, 3, 0, 0x10, 4)).isEqualTo(0xfebc_0000); // the size bits below 128 KiB read zero
    assertThat(barEvents).containsExactly("0@febc0000-");
    configWrite(0, 3, 0, 0x04, 2, PciFunction.COMMAND_MEMORY);
    assertThat(barEvents).containsExactly("0@febc0000-", "0@febc0000+");
    configWrite(0, 3, 0, 0x14, 4, 0xc001);
    configWrite(0, 3, 0, 0x04, 2, PciFunction.COMMAND_MEMORY | PciFunction.COMMAND_IO);
    assertThat(barEvents).endsWith("1@c000-", "1@c000+");
  }

  @Test
  void multiFunctionBitAppearsWhenADeviceHasMoreFunctions() {
    assertThat(configRead(0, 3, 0, 0x0e, 1)).isZero();
    bridge.add(new PciAddress(0, 3, 1), new PciFunction("second", 0x8086, 0x100f, 0x020000, 0));
    assertThat(configRead(0, 3, 0, 0x0e, 1)).isEqualTo(0x80);
    assertThat((configRead(0, 3, 0, 0x0c, 4) >>> 16) & 0xff).isEqualTo(0x80);
  }

  @Test
  void occupiedAddressIsRefused() {
    assertThatThrownBy(() -> bridge.add(new PciAddress(0, 0, 0), new PciFunction("x", 1, 2, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("00:00.0");
  }

  @Test
  void bridgesForwardCyclesToTheBusesTheirNumbersCover() {
    PciFunction root = PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01).busNumbers(0, 1, 2);
    bridge.add(new PciAddress(0, 0x1e, 0), root);
    PciFunction nested = PciFunction.bridge("test switch", 0x10b5, 0x8606, 0x01).busNumbers(1, 2, 2);
    bridge.add(new PciAddress(1, 1, 0), nested);
    bridge.add(new PciAddress(1, 0, 0), new PciFunction("test disk", 0x8086, 0x2922, 0x010601, 0x02));
    bridge.add(new PciAddress(2, 3, 0), new PciFunction("test audio", 0x8086, 0x293e, 0x040300, 0x03));
    assertThat(configRead(0, 0x1e, 0, 0x0e, 1)).as("header type 1").isEqualTo(0x01);
    assertThat(configRead(0, 0x1e, 0, 0x08, 4) >>> 8).isEqualTo(0x060400);
    assertThat(configRead(0, 0x1e, 0, 0x18, 4) & 0xff_ffff).isEqualTo(0x02_0100);
    assertThat(configRead(1, 0, 0, 0x00, 4)).isEqualTo(0x2922_8086);
    assertThat(configRead(2, 3, 0, 0x00, 4)).isEqualTo(0x293e_8086);
    assertThat(configRead(3, 0, 0, 0x00, 4)).as("no bridge leads to bus 3").isEqualTo(-1);
    assertThat(configRead(1, 3, 0, 0x00, 4)).as("device 3 is on bus 2, not 1").isEqualTo(-1);
    // The guest renumbers the root port: bus 1 is now 5, and the switch's bus 2 lies outside 5..5.
    configWrite(0, 0x1e, 0, 0x18, 4, 0x0005_0500);
    assertThat(configRead(5, 0, 0, 0x00, 4)).isEqualTo(0x2922_8086);
    assertThat(configRead(1, 0, 0, 0x00, 4)).isEqualTo(-1);
    assertThat(configRead(2, 3, 0, 0x00, 4)).isEqualTo(-1);
  }

  @Test
  void anUnconfiguredBridgeForwardsNothing() {
    bridge.add(new PciAddress(0, 0x1e, 0), PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01));
    assertThatThrownBy(() -> bridge.add(new PciAddress(1, 0, 0), new PciFunction("x", 1, 2, 0, 0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("no PCI-to-PCI bridge leads to bus 1 for 01:00.0");
    assertThat(configRead(1, 0, 0, 0x00, 4)).isEqualTo(-1);
  }

  @Test
  void aBridgeHasTwoBarsAndADeviceNoBusNumbers() {
    PciFunction root = PciFunction.bridge("test root port", 0x8086, 0x244e, 0x01);
    assertThatThrownBy(() -> root.bar(2, 0x1000, PciFunction.BAR_MEMORY, (bar, base, on) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 BARs");
    root.bar(0, 0x1000, PciFunction.BAR_MEMORY, (bar, base, on) -> { });
    assertThatThrownBy(() -> new PciFunction("x", 1, 2, 0, 0).busNumbers(0, 1, 1))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no PCI-to-PCI bridge");
  }

  @Test
  void a64BitBarSizesAndDecodesAcrossBothRegisters() {
    List<String> moves = new ArrayList<>();
    PciFunction gpu = new PciFunction("test GPU", 0x10de, 0x1eb8, 0x030200, 0xa1)
        .bar(0, 8L << 30, PciFunction.BAR_MEMORY_64_PREFETCHABLE, (bar, base, on) -> moves.add(Long.toHexString(base) + (on ? "+" : "-")));
    bridge.add(new PciAddress(0, 4, 0), gpu);
    assertThat(configRead(0, 4, 0, 0x10, 4)).as("type bits: 64-bit, prefetchable").isEqualTo(0xc);
    configWrite(0, 4, 0, 0x10, 4, 0xffff_ffff);
    configWrite(0, 4, 0, 0x14, 4, 0xffff_ffff);
    assertThat(configRead(0, 4, 0, 0x10, 4)).as("8 GiB: no address bits in the low half").isEqualTo(0xc);
    assertThat(configRead(0, 4, 0, 0x14, 4)).isEqualTo(0xffff_fffe);
    gpu.assign(0, 0x8_0000_0000L, PciFunction.COMMAND_MEMORY);
    assertThat(gpu.barBase(0)).isEqualTo(0x8_0000_0000L);
    assertThat(configRead(0, 4, 0, 0x14, 4)).isEqualTo(0x8);
    assertThat(moves).last().isEqualTo("800000000+");
    assertThatThrownBy(() -> gpu.bar(1, 0x1000, PciFunction.BAR_MEMORY, (bar, base, on) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("taken");
    assertThatThrownBy(() -> gpu.bar(5, 0x1000, PciFunction.BAR_MEMORY_64, (bar, base, on) -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("takes two");
  }
}
