package io.github.genova.platform.roms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import io.github.genova.platform.MachineCpu;
import io.github.genova.platform.device.chipset.BiosRom;
import io.github.genova.platform.pc.StandardPc;
import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86State;
import io.github.genova.platform.x86.asm.Assembly;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The test ROMs as the BIOS of Genova's own PC, on the interpreter and on the JIT engine: each starts at the reset
 * vector (fetched from the ROM mapped below 4 GiB), runs from its shadow at F0000h and must write exactly
 * its expected POST-code sequence to port 80h, ending in FFh. The checks QEMU's TCG skips run here.
 */
class TestRomsMachineTest {
  private static final long BUDGET = 20_000_000;

  static Stream<Arguments> romsAndEngines() {
    return TestRoms.names().stream()
        .flatMap(name -> Stream.of(Arguments.of(name, "interpreter"), Arguments.of(name, "jit")));
  }

  @ParameterizedTest(name = "{0} on the {1}")
  @MethodSource("romsAndEngines")
  void writesItsExpectedPostSequence(String name, String engine) {
    Assembly rom = TestRoms.assemble(name);
    try (Machine machine =
        Machine.builder()
            .ram(16L << 20)
            .engine(engine)
            .devices(StandardPc.devices())
            .device(BiosRom.of(rom.image()))
            .build()) {
      StandardPc pc = StandardPc.of(machine);
      MachineCpu cpu = machine.bootCpu();
      ByteArrayOutputStream post = new ByteArrayOutputStream();
      pc.post().setListener(code -> {
        post.write(code);
        if (code == TestRoms.PASSED) {
          cpu.stop();
        }
      });
      ExitReason why = cpu.run(BUDGET);
      X86State s = cpu.cpu().saveState(new X86State());
      int linear = s.base[X86State.CS] + s.eip;
      assertThat(HexFormat.of().formatHex(post.toByteArray()))
          .as("POST codes of %s (stopped by %s at %08x, %s; %s)", name, why, linear,
              rom.sourceLocation(linear & 0xffffffffL).orElse("outside the ROM"), cpu.cpu().shutdownCause())
          .isEqualTo(HexFormat.of().formatHex(TestRoms.expectedPostCodes(name)));
      assertThat(why).isEqualTo(ExitReason.STOPPED);
    }
  }
}
