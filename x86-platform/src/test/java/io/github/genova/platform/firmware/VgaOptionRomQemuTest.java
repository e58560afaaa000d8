package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.genova.platform.reference.Qemu;
import io.github.genova.platform.x86.asm.Assembler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the VGA option ROM on a reference machine: QEMU's standard VGA (which implements the Bochs
 * DISPI interface) with our ROM as its option ROM, SeaBIOS as the system BIOS running the ROM's init
 * entry, and a boot floppy ({@code vbe-probe.asm}) that calls int 10h and reports the results on the
 * debug console. Skips where QEMU or SeaBIOS is not installed.
 */
class VgaOptionRomQemuTest {
  @Test
  void int10hTextAndVbeServicesWorkUnderSeaBiosAndQemuStdVga(@TempDir Path dir) throws Exception {
    assumeTrue(
        Qemu.available() && Files.exists(Qemu.SEABIOS.resolve("bios.bin")),
        "qemu-system-i386 or SeaBIOS (/usr/share/seabios) is not installed: skipping the reference run");
    Path rom = dir.resolve("genova-vga.rom");
    Files.write(rom, VgaOptionRom.image());
    byte[] probe = new Assembler().assemble("vbe-probe.asm", resource("vbe-probe.asm")).image();
    Path floppy = dir.resolve("probe.img");
    Files.write(floppy, Arrays.copyOf(probe, 1_474_560));

    byte[] output =
        Qemu.run(
            dir,
            0xE9,
            List.of(
                "-machine", "pc", "-L", Qemu.SEABIOS.toString(), "-vga", "none",
                "-device", "VGA,romfile=" + rom,
                "-drive", "file=" + floppy + ",format=raw,if=floppy", "-boot", "a"));
    Map<String, String> r = parse(new String(output, StandardCharsets.US_ASCII));

    assertThat(r).as("probe output").containsKey("done");
    // 4F00: "VESA", VBE 2.0, 16 MiB (QEMU's default) and every mode fits
    assertThat(r.get("info.ax")).isEqualTo("004f");
    assertThat(r.get("info.signature")).isEqualTo("41534556");
    assertThat(r.get("info.version")).isEqualTo("0200");
    assertThat(r.get("info.memory64k")).isEqualTo("0100");
    assertThat(r.get("info.oem")).isEqualTo("Genova VGA BIOS");
    assertThat(r.get("info.modes"))
        .isEqualTo("0110,0111,0112,0142,0113,0114,0115,0143,0116,0117,0118,0144,0119,011a,011b,0145,");
    // 4F00 with a VBE 1.x buffer (no "VBE2"): the OEM string pointer stays in the ROM at C000h
    assertThat(r.get("info1.ax")).isEqualTo("004f");
    assertThat(r.get("info1.oemsegment")).isEqualTo("c000");
    // 4F01 for 0x144: 1024x768x32 direct colour with LFB at E0000000
    assertThat(r.get("modeinfo.ax")).isEqualTo("004f");
    assertThat(r.get("modeinfo.attributes")).isEqualTo("009b");
    assertThat(r.get("modeinfo.pitch")).isEqualTo("1000");
    assertThat(r.get("modeinfo.width")).isEqualTo("0400");
    assertThat(r.get("modeinfo.height")).isEqualTo("0300");
    assertThat(r.get("modeinfo.bpp")).isEqualTo("0020");
    assertThat(r.get("modeinfo.model")).isEqualTo("0006");
    assertThat(r.get("modeinfo.masks")).isEqualTo("08081008");
    assertThat(r.get("modeinfo.base")).isEqualTo("e0000000");
    assertThat(r.get("badmode.ax")).isEqualTo("014f");
    assertThat(r.get("unsupported.ax")).isEqualTo("014f");
    // 4F02 0x4144 programs DISPI: 1024x768x32, ENABLED | LFB_ENABLED
    assertThat(r.get("setmode.ax")).isEqualTo("004f");
    assertThat(r.get("dispi.xres")).isEqualTo("0400");
    assertThat(r.get("dispi.yres")).isEqualTo("0300");
    assertThat(r.get("dispi.bpp")).isEqualTo("0020");
    assertThat(r.get("dispi.enable")).isEqualTo("0041");
    // 4F05 sets and gets the DISPI bank of window A; window B does not exist
    assertThat(r.get("bank.set.ax")).isEqualTo("004f");
    assertThat(r.get("bank.dispi")).isEqualTo("0003");
    assertThat(r.get("bank.get")).isEqualTo("0003");
    assertThat(r.get("bank.windowb.ax")).isEqualTo("014f");
    assertThat(r.get("current.ax")).isEqualTo("004f");
    assertThat(r.get("current.bx")).isEqualTo("4144");
    // text mode 3: DISPI off, teletype, cursor, mode, write string, scroll
    assertThat(r.get("text.dispi.enable")).isEqualTo("0000");
    assertThat(r.get("text.cell0")).isEqualTo("0748");
    assertThat(r.get("text.cursor")).isEqualTo("0100");
    assertThat(r.get("text.mode")).isEqualTo("5003");
    assertThat(r.get("text.stringcell")).isEqualTo("1f58");
    assertThat(r.get("text.stringcursor")).isEqualTo("050c");
    assertThat(r.get("text.scrolledcell")).isEqualTo("1f58");
    assertThat(r.get("text.blankcell")).isEqualTo("0720");
    // AH=09 writes the character with its attribute CX times and stops there
    assertThat(r.get("text.repeat.last")).isEqualTo("4e5a");
    assertThat(r.get("text.repeat.after")).isEqualTo("0720");
    // AH=07 moves rows down inside the window only and fills the opened rows with the attribute
    assertThat(r.get("text.down.moved")).isEqualTo("1f58");
    assertThat(r.get("text.down.filledfirst")).isEqualTo("1720");
    assertThat(r.get("text.down.filledlast")).isEqualTo("1720");
    assertThat(r.get("text.down.outside")).isEqualTo("0720");
    assertThat(r.get("text.down.replaced")).isEqualTo("0720");
    // the font in plane 2: 'A' from vgafont.asm, each row twice, then 16 blank lines
    assertThat(r.get("font.A"))
        .isEqualTo("0000" + "3838" + "4444" + "4444" + "7c7c" + "4444" + "4444" + "4444" + "0".repeat(32));
  }

  private static Map<String, String> parse(String output) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String line : output.lines().toList()) {
      int eq = line.indexOf('=');
      result.put(eq < 0 ? line.strip() : line.substring(0, eq), eq < 0 ? "" : line.substring(eq + 1).strip());
    }
    return result;
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = VgaOptionRomQemuTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
