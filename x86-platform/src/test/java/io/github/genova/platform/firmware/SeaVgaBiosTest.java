package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Real firmware on Genova's PC and CPU: SeaVGABIOS for the Bochs/QEMU standard VGA (Debian's
 * {@code seabios} package, never committed here) initialises at C000:0003 and sets a VBE mode whose
 * description matches what the DISPI device then shows, with the linear framebuffer enabled. Skips where
 * the image is not installed.
 */
class SeaVgaBiosTest {
  private static final Path IMAGE = Path.of("/usr/share/seabios/vgabios-stdvga.bin");

  private static byte[] image() throws IOException {
    assumeTrue(Files.isReadable(IMAGE), IMAGE + " is absent (Debian package seabios): skipping the SeaVGABIOS run");
    byte[] rom = Files.readAllBytes(IMAGE);
    assertThat(rom[0] & 0xff).as("option ROM signature").isEqualTo(0x55);
    return rom;
  }

  @Test
  void teletypeOutputAfterInitAppearsInTheTextBuffer() throws IOException {
    try (RealModeCalls calls = new RealModeCalls(image())) {
      calls.initialise();
      calls.int10(0x0003, 0, 0, 0, 0);
      for (char c : "SeaVGABIOS".toCharArray()) {
        calls.int10(0x0e00 | c, 0x0007, 0, 0, 0);
      }
      assertThat(calls.pc.vga().mode().text()).isTrue();
      assertThat(calls.pc.vga().textRow(0)).startsWith("SeaVGABIOS ");
      assertThat(calls.u8(0x449)).as("BIOS data area video mode").isEqualTo(3);
    }
  }

  @Test
  void initialisesAndSetsA1024x768x32VbeModeWithTheLinearFramebuffer() throws IOException {
    try (RealModeCalls calls = new RealModeCalls(image())) {
      calls.initialise();
      RealModeCalls.VbeMode mode = calls.setVbeModeWithLinearFramebuffer(1024, 768, 32);
      assertThat(mode.framebuffer()).as("the LFB where BAR0 of the VGA decodes").isEqualTo(calls.pc.vga().framebufferAddress());
    }
  }
}
