package io.github.genova.platform.roms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.asm.Assembly;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every test ROM assembles into a 64 KiB BIOS image with a far jump at the reset vector to its entry,
 * reproducibly, and gives each of its checks its own failure POST code.
 */
class TestRomSourcesTest {
  private static final Pattern CHECK =
      Pattern.compile("mov al, 0x([0-9A-Fa-f]{2})\\s+; check ([0-9A-Fa-f]{2})h:|mov bl, 0x([0-9A-Fa-f]{2})\\s+; check ([0-9A-Fa-f]{2})h:");

  static java.util.List<String> names() {
    return TestRoms.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void assemblesToA64KibImageWithTheResetVector(String name) {
    Assembly rom = TestRoms.assemble(name);
    byte[] image = rom.image();
    assertThat(image).hasSize(TestRoms.SIZE);
    assertThat(rom.origin()).isEqualTo(TestRoms.LOAD_ADDRESS);
    int entry = rom.offsetOf("rom_entry");
    // FFF0: EA offset16 segment16 = jmp F000:rom_entry
    assertThat(image[0xFFF0] & 0xFF).isEqualTo(0xEA);
    assertThat((image[0xFFF1] & 0xFF) | (image[0xFFF2] & 0xFF) << 8).isEqualTo(entry);
    assertThat((image[0xFFF3] & 0xFF) | (image[0xFFF4] & 0xFF) << 8).isEqualTo(0xF000);
    assertThat(rom.offsetOf("reset_vector")).isEqualTo(0xFFF0);
    assertThat(TestRoms.assemble(name).image()).as("a second build").isEqualTo(image);
  }

  @ParameterizedTest
  @MethodSource("names")
  void theQemuVariantDiffersOnlyWhereTheConfigurationIsUsed(String name) {
    byte[] normal = TestRoms.assemble(name).image();
    byte[] qemu = TestRoms.assemble(name, true).image();
    assertThat(qemu).hasSize(normal.length);
    boolean usesConfiguration = TestRoms.source(name + ".asm").contains("QEMU_TCG");
    assertThat(java.util.Arrays.equals(normal, qemu)).isEqualTo(!usesConfiguration);
  }

  @ParameterizedTest
  @MethodSource("names")
  void eachCheckHasItsOwnFailureCode(String name) {
    String source = TestRoms.source(name + ".asm");
    if (source.contains("%include \"rom-start.inc\"")) {
      source += TestRoms.source("rom-start.inc");
    }
    Map<Integer, Integer> seen = new HashMap<>();
    Matcher m = CHECK.matcher(source);
    int checks = 0;
    while (m.find()) {
      String value = m.group(1) != null ? m.group(1) : m.group(3);
      String comment = m.group(2) != null ? m.group(2) : m.group(4);
      int code = Integer.parseInt(value, 16);
      assertThat(code).as("the code written matches the comment").isEqualTo(Integer.parseInt(comment, 16));
      assertThat(code).as("failure codes lie in 80h-FEh").isBetween(0x80, 0xFE);
      assertThat(seen.merge(code, 1, Integer::sum)).as("check %02xh is used once in %s", code, name).isEqualTo(1);
      checks++;
    }
    assertThat(checks).isGreaterThanOrEqualTo(5);
    byte[] expected = TestRoms.expectedPostCodes(name);
    assertThat(expected[expected.length - 1] & 0xFF).isEqualTo(TestRoms.PASSED);
  }
}
