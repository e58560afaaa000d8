package io.github.genova.platform.roms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.genova.platform.reference.Qemu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference runs of the test ROMs as the BIOS of QEMU's PC machine (TCG), with port 80h captured:
 * each must write exactly its expected POST-code sequence, ending in FFh. This checks the ROMs
 * themselves before Genova's CPU runs them. Skips where QEMU is not installed.
 */
class TestRomsQemuTest {
  static List<String> names() {
    return TestRoms.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  void reachesPostCodeFfUnderQemu(String name, @TempDir Path dir) throws Exception {
    assumeTrue(Qemu.available(), "qemu-system-i386 is not installed: skipping the reference run");
    Path rom = dir.resolve(name + ".rom");
    Files.write(rom, TestRoms.assemble(name, true).image());
    byte[] post = Qemu.run(dir, TestRoms.POST_PORT, List.of("-machine", "pc", "-bios", rom.toString()));
    assertThat(HexFormat.of().formatHex(post))
        .as("POST codes of %s", name)
        .isEqualTo(HexFormat.of().formatHex(TestRoms.expectedPostCodes(name)));
  }
}
