package io.github.genova.platform.firmware;

import io.github.genova.platform.x86.asm.Assembler;
import io.github.genova.platform.x86.asm.Assembly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Genova's VGA option ROM: int 10h text services and VBE 2.0 (4F00/4F01/4F02/4F03/4F05) on the Bochs
 * DISPI interface, with its linear frame buffer at {@value #LINEAR_FRAME_BUFFER}. It is assembled
 * from {@code vgabios.asm} on first use; the image is the same on every run and every machine.
 *
 * <p>The machine maps the image at {@link #LOAD_ADDRESS} (as RAM while the system BIOS runs the init
 * entry {@code C000:0003}, as for any option ROM) and calls the init entry far.
 */
public final class VgaOptionRom {
  /** The physical address of the VGA option ROM in a PC: C000:0000. */
  public static final long LOAD_ADDRESS = 0xC0000L;

  /** The physical address the ROM reports for the linear frame buffer (VBE PhysBasePtr). */
  public static final long LINEAR_FRAME_BUFFER = 0xE0000000L;

  /** The offset of the far-callable init entry. */
  public static final int INIT_ENTRY = 3;

  /** The name of the assembler source among this class's resources. */
  public static final String SOURCE_NAME = "vgabios.asm";

  /** The text-mode font the source includes, among the same resources. */
  public static final String FONT_SOURCE_NAME = "vgafont.asm";

  private static final String CHECKSUM_LABEL = "rom_checksum";

  private VgaOptionRom() {}

  /** The ROM image (a fresh copy): header 55 AA, size in 512-byte blocks, bytes summing to 0. */
  public static byte[] image() {
    return Built.IMAGE.clone();
  }

  /** The assembler source the image is built from (it includes {@link #FONT_SOURCE_NAME}). */
  public static String source() {
    return resource(SOURCE_NAME)
        .orElseThrow(() -> new IllegalStateException("resource " + SOURCE_NAME + " is missing"));
  }

  /**
   * Assembles the source and fills in the checksum byte; every call gives the same bytes.
   *
   * @return the ROM image
   */
  public static byte[] build() {
    Assembler assembler = new Assembler(VgaOptionRom::resource);
    return withChecksum(assembler.assemble(SOURCE_NAME, source()));
  }

  private static Optional<String> resource(String name) {
    try (InputStream in = VgaOptionRom.class.getResourceAsStream(name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private static byte[] withChecksum(Assembly assembly) {
    byte[] image = assembly.image();
    if (image.length == 0 || image.length % 512 != 0 || (image[2] & 0xFF) * 512 != image.length) {
      throw new IllegalStateException(
          SOURCE_NAME + " does not produce a whole number of 512-byte blocks matching its header");
    }
    int checksumOffset = assembly.offsetOf(CHECKSUM_LABEL);
    int sum = 0;
    for (int i = 0; i < image.length; i++) {
      if (i != checksumOffset) {
        sum += image[i] & 0xFF;
      }
    }
    image[checksumOffset] = (byte) -sum;
    return image;
  }

  /** Builds the image once, on first use. */
  private static final class Built {
    static final byte[] IMAGE = build();
  }
}
