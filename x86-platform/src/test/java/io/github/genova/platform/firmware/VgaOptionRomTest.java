package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.asm.Assembler;
import io.github.genova.platform.x86.asm.Assembly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The structure of the VGA option ROM image and the reproducibility of its build. */
class VgaOptionRomTest {
  private static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  private static int u16(byte[] b, int i) {
    return u8(b, i) | u8(b, i + 1) << 8;
  }

  private static Assembly assembly() {
    Map<String, String> font = Map.of(VgaOptionRom.FONT_SOURCE_NAME, fontSource());
    return new Assembler(name -> Optional.ofNullable(font.get(name)))
        .assemble(VgaOptionRom.SOURCE_NAME, VgaOptionRom.source());
  }

  private static String fontSource() {
    try (InputStream in = VgaOptionRom.class.getResourceAsStream(VgaOptionRom.FONT_SOURCE_NAME)) {
      return new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void fontHasAGlyphForEveryPrintableCharacterAndABlankSpace() {
    byte[] rom = VgaOptionRom.image();
    int font = assembly().offsetOf("font_8x8");
    assertThat(assembly().symbol("FONT_COUNT")).contains(95L);
    for (int c = 0x20; c < 0x7F; c++) {
      int ink = 0;
      for (int row = 0; row < 8; row++) {
        ink |= rom[font + (c - 0x20) * 8 + row];
      }
      assertThat(ink == 0).as("glyph %02xh is blank", c).isEqualTo(c == 0x20);
    }
  }

  @Test
  void buildingTwiceGivesIdenticalBytes() {
    byte[] first = VgaOptionRom.build();
    byte[] second = VgaOptionRom.build();
    assertThat(second).isEqualTo(first);
    assertThat(VgaOptionRom.image()).isEqualTo(first);
  }

  @Test
  void headerSizeAndChecksumFollowTheOptionRomRules() {
    byte[] rom = VgaOptionRom.image();
    assertThat(u8(rom, 0)).isEqualTo(0x55);
    assertThat(u8(rom, 1)).isEqualTo(0xAA);
    assertThat(rom.length).isEqualTo(u8(rom, 2) * 512).isLessThanOrEqualTo(0x8000);
    int sum = 0;
    for (byte b : rom) {
      sum += b & 0xFF;
    }
    assertThat(sum & 0xFF).isZero();
  }

  @Test
  void initEntryAtOffsetThreeJumpsToTheInitCode() {
    byte[] rom = VgaOptionRom.image();
    Assembly assembly = assembly();
    assertThat(u8(rom, VgaOptionRom.INIT_ENTRY)).isEqualTo(0xE9);
    int target = VgaOptionRom.INIT_ENTRY + 3 + (short) u16(rom, VgaOptionRom.INIT_ENTRY + 1);
    assertThat(target).isEqualTo(assembly.offsetOf("init"));
    // init ends with a far return, so the system BIOS can call it far
    assertThat(assembly.symbol("int10_entry")).isPresent();
  }

  @Test
  void pciDataStructureDescribesAVgaController() {
    byte[] rom = VgaOptionRom.image();
    int pcir = u16(rom, 0x18);
    assertThat(pcir % 4).isZero();
    assertThat(new String(rom, pcir, 4, StandardCharsets.US_ASCII)).isEqualTo("PCIR");
    assertThat(u16(rom, pcir + 4)).isEqualTo(0x1234);
    assertThat(u16(rom, pcir + 6)).isEqualTo(0x1111);
    assertThat(u16(rom, pcir + 0x0A)).isEqualTo(0x18);
    assertThat(u8(rom, pcir + 0x0F)).isEqualTo(0x03);
    assertThat(u8(rom, pcir + 0x0E)).isZero();
    assertThat(u16(rom, pcir + 0x10) * 512).isEqualTo(rom.length);
    assertThat(u8(rom, pcir + 0x15)).isEqualTo(0x80);
  }

  @Test
  void modeTableListsTheVbeModesWithConsistentMasks() {
    byte[] rom = VgaOptionRom.image();
    Assembly assembly = assembly();
    int from = assembly.offsetOf("mode_table");
    int to = assembly.offsetOf("mode_table_end");
    assertThat((to - from) % 16).isZero();
    assertThat((to - from) / 16).isEqualTo(16);
    for (int e = from; e < to; e += 16) {
      int bpp = u8(rom, e + 6);
      assertThat(bpp).isIn(15, 16, 24, 32);
      assertThat(u8(rom, e + 7)).as("direct colour memory model").isEqualTo(6);
      int bits = u8(rom, e + 8) + u8(rom, e + 10) + u8(rom, e + 12) + u8(rom, e + 14);
      assertThat(bits).as("mask sizes of mode %x fill its pixel", u16(rom, e)).isEqualTo((bpp + 7) / 8 * 8);
      assertThat(u16(rom, e + 2)).isIn(640, 800, 1024, 1280);
    }
  }
}
