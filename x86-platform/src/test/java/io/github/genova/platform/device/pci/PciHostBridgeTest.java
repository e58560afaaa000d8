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
}
