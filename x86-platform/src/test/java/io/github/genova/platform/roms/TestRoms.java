package io.github.genova.platform.roms;

import io.github.genova.platform.x86.asm.Assembler;
import io.github.genova.platform.x86.asm.Assembly;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The project's CPU test ROMs (assembler sources in this package's resources): their names, how to
 * assemble them, and the POST-code sequence each writes to port 80h when every check passes. A CPU
 * test maps {@link #assemble(String)}'s image at {@link #LOAD_ADDRESS} (and aliased below 4 GiB),
 * starts at the reset vector and compares the POST codes with {@link #expectedPostCodes(String)}.
 * When a run stops early, {@link Assembly#sourceLocation(long)} names the source line at an EIP
 * (linear address), and the last POST code names the failed check (see the {@code ; check} comments).
 */
public final class TestRoms {
  /** Where the 64 KiB image belongs: F0000h (the reset vector is at its offset FFF0h). */
  public static final long LOAD_ADDRESS = 0xF0000L;

  /** The image size. */
  public static final int SIZE = 0x10000;

  /** The POST port the ROMs write their progress and result to. */
  public static final int POST_PORT = 0x80;

  /** The POST code meaning every check passed. */
  public static final int PASSED = 0xFF;

  private static final Map<String, String> EXPECTED_POST_CODES =
      Map.of(
          "real-mode", "011011121314ff",
          "pe-switch", "010210111213ff",
          "idt-exceptions", "0102101112131415ff",
          "paging", "010210111213ff",
          "ring3", "010210111213ff",
          "self-modifying", "010210111213ff");

  private TestRoms() {}

  /** The names of all test ROMs (the source of each is {@code <name>.asm}). */
  public static List<String> names() {
    return List.of("real-mode", "pe-switch", "idt-exceptions", "paging", "ring3", "self-modifying");
  }

  /** Assembles a test ROM as the CPU runs it. */
  public static Assembly assemble(String name) {
    return assemble(name, false);
  }

  /**
   * Assembles a test ROM.
   *
   * @param name the ROM's name
   * @param qemuTcg true to build the variant for reference runs under QEMU's TCG, which skips the
   *     checks TCG does not implement (segment limits, null and read-only data segments on access)
   */
  public static Assembly assemble(String name, boolean qemuTcg) {
    Assembler assembler =
        new Assembler(
            include ->
                include.equals("rom-config.inc") && qemuTcg
                    ? Optional.of("QEMU_TCG equ 1\n")
                    : Optional.ofNullable(resource(include)));
    String source = resource(name + ".asm");
    if (source == null) {
      throw new IllegalArgumentException("no test ROM named " + name);
    }
    return assembler.assemble(name + ".asm", source);
  }

  /** The source text of a ROM or include file, or null if there is none. */
  public static String source(String fileName) {
    String s = resource(fileName);
    if (s == null) {
      throw new IllegalArgumentException("no test ROM file " + fileName);
    }
    return s;
  }

  /** The POST codes the ROM writes, in order, when all its checks pass (the last is FFh). */
  public static byte[] expectedPostCodes(String name) {
    String hex = EXPECTED_POST_CODES.get(name);
    if (hex == null) {
      throw new IllegalArgumentException("no test ROM named " + name);
    }
    return HexFormat.of().parseHex(hex);
  }

  private static @Nullable String resource(String fileName) {
    try (InputStream in = TestRoms.class.getResourceAsStream(fileName)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
