package io.github.genova.platform.device.vga;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.Machine;
import io.github.genova.platform.MmioRegion;
import io.github.genova.platform.device.pci.PciHostBridge;
import java.lang.foreign.ValueLayout;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VgaTest {
  private Machine machine;
  private Vga vga;

  @BeforeEach
  void setUp() {
    machine = Machine.builder().ram(64L << 20).device(PciHostBridge::attach).device(Vga::attach).build();
    vga = machine.device(Vga.class);
  }

  @AfterEach
  void tearDown() {
    machine.close();
  }

  private int dispiRead(int index) {
    machine.ports().out(0x1ce, 2, index);
    return machine.ports().in(0x1cf, 2);
  }

  private void dispiWrite(int index, int value) {
    machine.ports().out(0x1ce, 2, index);
    machine.ports().out(0x1cf, 2, value);
  }

  private int pciRead(int reg) {
    machine.ports().out(0xcf8, 4, 0x8000_1000 | reg);
    return machine.ports().in(0xcfc, 4);
  }

  private void pciWrite(int reg, int value) {
    machine.ports().out(0xcf8, 4, 0x8000_1000 | reg);
    machine.ports().out(0xcfc, 4, value);
  }

  @Test
  void isQemuStdVgaAt0002WithPrefetchableLfbInBar0() {
    assertThat(pciRead(0x00)).isEqualTo(0x1111_1234);
    assertThat(pciRead(0x08) >>> 8).isEqualTo(0x030000);
    assertThat(pciRead(0x10)).isEqualTo(0xe000_0008);
    pciWrite(0x10, 0xffff_ffff);
    assertThat(pciRead(0x10)).isEqualTo(0xff00_0008); // 16 MiB
    pciWrite(0x10, 0xe000_0000);
  }

  @Test
  void dispiIdProbeAndVideoMemorySize() {
    dispiWrite(0, 0xb0c0);
    assertThat(dispiRead(0)).isEqualTo(0xb0c0);
    dispiWrite(0, 0xb0c5);
    assertThat(dispiRead(0)).isEqualTo(0xb0c5);
    dispiWrite(0, 0x1234);
    assertThat(dispiRead(0)).isEqualTo(0xb0c5);
    assertThat(dispiRead(10)).isEqualTo(256);
  }

  @Test
  void getCapsReportsTheMaxima() {
    dispiWrite(4, 0x02);
    assertThat(dispiRead(1)).isEqualTo(2560);
    assertThat(dispiRead(2)).isEqualTo(1600);
    assertThat(dispiRead(3)).isEqualTo(32);
    dispiWrite(4, 0x00);
    assertThat(dispiRead(1)).isEqualTo(640);
  }

  @Test
  void modeSetEnablesTheLinearFramebuffer() {
    vga.vram().set(ValueLayout.JAVA_INT, 0, 0x1234_5678);
    dispiWrite(4, 0x00);
    dispiWrite(1, 1024);
    dispiWrite(2, 768);
    dispiWrite(3, 32);
    dispiWrite(4, 0x41); // ENABLED | LFB_ENABLED
    DisplayMode mode = vga.mode();
    assertThat(mode).isEqualTo(new DisplayMode(false, 1024, 768, 32, 4096, 0));
    assertThat(vga.vram().get(ValueLayout.JAVA_INT, 0)).isZero(); // cleared without NOCLEARMEM
    assertThat(dispiRead(6)).isEqualTo(1024);
    assertThat(dispiRead(7)).isEqualTo((16 << 20) / 4096);
    machine.physical().write(0xe000_0000L + 4096 + 8, 4, 0x00ff_8040);
    assertThat(vga.vram().get(ValueLayout.JAVA_INT, 4096 + 8)).isEqualTo(0x00ff_8040);
    MmioRegion lfb = machine.mmio().find(0xe000_0000L);
    assertThat(lfb).isNotNull();
    assertThat(Objects.requireNonNull(lfb).device().directMemory()).isNotNull();
  }

  @Test
  void snapshotConvertsEachPixelFormatToArgb() {
    dispiWrite(1, 8);
    dispiWrite(2, 2);
    dispiWrite(3, 32);
    dispiWrite(4, 0x41);
    machine.physical().write(0xe000_0000L + 4, 4, 0x00ff_8000L); // (1, 0): orange
    assertThat(vga.snapshot().pixel(1, 0)).isEqualTo(0xffff_8000);
    dispiWrite(4, 0x00);
    dispiWrite(3, 16);
    dispiWrite(4, 0x41);
    machine.physical().write(0xe000_0000L + 16 + 2, 2, 0xf800); // (1, 1): red in 5:6:5
    assertThat(vga.snapshot().pixel(1, 1)).isEqualTo(0xffff_0000);
    dispiWrite(4, 0x00);
    dispiWrite(3, 8);
    dispiWrite(4, 0x41);
    machine.ports().out(0x3c8, 1, 7);
    machine.ports().out(0x3c9, 1, 0x00);
    machine.ports().out(0x3c9, 1, 0x3f);
    machine.ports().out(0x3c9, 1, 0x00);
    machine.physical().write(0xe000_0000L + 3, 1, 7);
    FramebufferImage image = vga.snapshot();
    assertThat(image.width()).isEqualTo(8);
    assertThat(image.pixel(3, 0)).isEqualTo(0xff00_ff00);
    assertThat(image.pixel(0, 0)).isEqualTo(0xff00_0000);
  }

  @Test
  void textModeHasNoSnapshot() {
    assertThatThrownBy(vga::snapshot).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void noClearMemKeepsVramAndInvalidModesAreIgnored() {
    vga.vram().set(ValueLayout.JAVA_INT, 0, 0x1234_5678);
    dispiWrite(1, 1001); // not a multiple of 8
    dispiWrite(3, 7); // no such depth
    assertThat(dispiRead(1)).isEqualTo(640);
    assertThat(dispiRead(3)).isEqualTo(8);
    dispiWrite(4, 0xc1);
    assertThat(vga.vram().get(ValueLayout.JAVA_INT, 0)).isEqualTo(0x1234_5678);
  }

  @Test
  void virtualWidthAndOffsetsMoveTheDisplayStart() {
    dispiWrite(1, 800);
    dispiWrite(2, 600);
    dispiWrite(3, 16);
    dispiWrite(4, 0x41);
    dispiWrite(6, 1024);
    dispiWrite(8, 10);
    dispiWrite(9, 20);
    assertThat(vga.mode()).isEqualTo(new DisplayMode(false, 800, 600, 16, 2048, 20 * 2048 + 20));
    assertThat(dispiRead(7)).isEqualTo((16 << 20) / 2048);
  }

  @Test
  void bankedWindowAtA0000WhenDispiIsEnabled() {
    dispiWrite(3, 8);
    dispiWrite(4, 0x01);
    dispiWrite(5, 3);
    machine.physical().write(0xa0010, 1, 0x77);
    assertThat(vga.vram().get(ValueLayout.JAVA_BYTE, 3 * 65536 + 0x10)).isEqualTo((byte) 0x77);
  }

  @Test
  void movingBar0MovesTheFramebuffer() {
    pciWrite(0x10, 0xfd00_0000);
    assertThat(vga.framebufferAddress()).isEqualTo(0xfd00_0000L);
    assertThat(machine.mmio().find(0xe000_0000L)).isNull();
    pciWrite(0x04, 0x0001); // memory decoding off
    assertThat(vga.framebufferAddress()).isEqualTo(-1);
    pciWrite(0x04, 0x0003);
    assertThat(vga.framebufferAddress()).isEqualTo(0xfd00_0000L);
  }

  @Test
  void textMemoryAtB8000ShowsOnTheTextScreen() {
    assertThat(machine.memory().isRam(0xb8)).isFalse(); // the legacy window is a hole in RAM
    String hello = "Hello";
    for (int i = 0; i < hello.length(); i++) {
      machine.physical().write(0xb8000 + 160 + 2 * i, 2, 0x0700 | hello.charAt(i));
    }
    DisplayMode mode = vga.mode();
    assertThat(mode.text()).isTrue();
    assertThat(mode.width()).isEqualTo(80);
    assertThat(mode.height()).isEqualTo(25);
    assertThat(vga.textRow(1)).startsWith("Hello");
    assertThat(machine.physical().read(0xb8000 + 160, 2)).isEqualTo(0x0748);
  }

  @Test
  void crtcStartAddressScrollsTheTextScreen() {
    machine.physical().write(0xb8000 + 160, 1, 'X');
    machine.ports().out(0x3d4, 2, 0x000c);
    machine.ports().out(0x3d4, 2, 0x500d); // start at cell 80
    assertThat(vga.textRow(0)).startsWith("X");
  }

  @Test
  void reprogrammedCrtcGivesA40ColumnTextMode() {
    machine.ports().out(0x3d4, 2, 0x0e11); // unlock CR0-7
    machine.ports().out(0x3d4, 2, 0x2701); // horizontal display end: 40 columns
    machine.ports().out(0x3d4, 2, 0x1413); // offset
    DisplayMode mode = vga.mode();
    assertThat(mode.width()).isEqualTo(40);
    assertThat(mode.height()).isEqualTo(25);
  }

  @Test
  void crtcProtectBitGuardsRegisters0To7() {
    machine.ports().out(0x3d4, 1, 0x11);
    machine.ports().out(0x3d5, 1, 0x8e); // protect on
    machine.ports().out(0x3d4, 1, 0x01);
    machine.ports().out(0x3d5, 1, 0x27);
    assertThat(machine.ports().in(0x3d5, 1)).isEqualTo(0x4f);
    machine.ports().out(0x3d4, 1, 0x11);
    machine.ports().out(0x3d5, 1, 0x0e); // protect off
    machine.ports().out(0x3d4, 1, 0x01);
    machine.ports().out(0x3d5, 1, 0x27);
    assertThat(machine.ports().in(0x3d5, 1)).isEqualTo(0x27);
  }

  @Test
  void inputStatusTogglesRetraceAndResetsTheAttributeFlipFlop() {
    int a = machine.ports().in(0x3da, 1);
    int b = machine.ports().in(0x3da, 1);
    assertThat((a ^ b) & 0x08).isEqualTo(0x08);
    machine.ports().out(0x3c0, 1, 0x10); // index 0x10
    machine.ports().in(0x3da, 1); // back to index state
    machine.ports().out(0x3c0, 1, 0x12);
    machine.ports().out(0x3c0, 1, 0x0a);
    machine.ports().out(0x3c0, 1, 0x12);
    assertThat(machine.ports().in(0x3c1, 1)).isEqualTo(0x0a);
  }

  @Test
  void dacAutoIncrementsThroughTriplets() {
    machine.ports().out(0x3c8, 1, 5);
    for (int v : new int[] {0x3f, 0x20, 0x00, 0x01, 0x02, 0x03}) {
      machine.ports().out(0x3c9, 1, v);
    }
    assertThat(vga.paletteRgb(5)).isEqualTo(0xff8200);
    machine.ports().out(0x3c7, 1, 6);
    assertThat(machine.ports().in(0x3c9, 1)).isEqualTo(1);
    assertThat(machine.ports().in(0x3c9, 1)).isEqualTo(2);
    assertThat(machine.ports().in(0x3c9, 1)).isEqualTo(3);
  }

  @Test
  void monoAddressingHidesTheColourCrtc() {
    machine.ports().out(0x3c2, 1, 0x66);
    assertThat(machine.ports().in(0x3d5, 1)).isEqualTo(0xff);
    machine.ports().out(0x3b4, 1, 0x01);
    assertThat(machine.ports().in(0x3b5, 1)).isEqualTo(0x4f);
  }
}
