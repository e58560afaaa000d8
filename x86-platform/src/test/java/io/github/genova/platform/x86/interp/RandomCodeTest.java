package io.github.genova.platform.x86.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Feeds random bytes to the CPU as code, data and descriptor tables, in real mode and in 16/32-bit
 * protected mode with and without paging: whatever the guest does, {@code run} returns an exit reason and
 * never lets a JVM exception escape, on each backend ({@link Engines}). Seeded, so every failure reproduces.
 */
class RandomCodeTest {
  private static final int RUNS = 400;

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.genova.platform.x86.interp.Engines#all")
  void randomCodeNeverThrowsOutOfTheEngine(X86Backend backend) {
    SplittableRandom random = new SplittableRandom(0x5eed_86L);
    PagedRam ram = new PagedRam(2 << 20);
    X86Cpu cpu = backend.create(ram, IoPorts.NONE);
    X86State s = new X86State();
    Map<ExitReason, Integer> exits = new EnumMap<>(ExitReason.class);
    for (int run = 0; run < RUNS; run++) {
      long seed = random.nextLong();
      SplittableRandom r = new SplittableRandom(seed);
      for (int a = 0; a < 0x20000; a += 4) {
        ram.write32(a, r.nextInt());
      }
      s.reset();
      int mode = run % 4;
      if (mode == 0) {
        s.setRealModeSegment(X86State.CS, r.nextInt(0x1000));
        s.setRealModeSegment(X86State.SS, r.nextInt(0x1000));
        s.setRealModeSegment(X86State.DS, r.nextInt(0x1000));
      } else {
        s.cr0 = 0x11 | (mode == 3 ? 0x8000_0000 : 0);
        s.cr3 = r.nextInt(0x20) << 12;
        boolean big = mode != 1;
        for (int seg = 0; seg < 6; seg++) {
          s.selector[seg] = r.nextInt(0x10000) & ~7;
          s.base[seg] = 0;
          s.limit[seg] = big ? -1 : 0xffff;
          s.attributes[seg] = (seg == X86State.CS ? 0x9b : 0x93) | (big ? 0xc000 : 0);
        }
        s.cpl = r.nextInt(4) == 0 ? 3 : 0;
        s.gdtBase = r.nextInt(0x10000);
        s.gdtLimit = r.nextInt(0x10000);
        s.idtBase = r.nextInt(0x10000);
        s.idtLimit = r.nextInt(0x800);
        s.trBase = r.nextInt(0x10000);
        s.trLimit = 0x67;
      }
      s.eip = r.nextInt(0x1000);
      s.regs[X86State.ESP] = r.nextInt(0x10000);
      for (int i = 0; i < 8; i++) {
        if (i != X86State.ESP) {
          s.regs[i] = r.nextInt();
        }
      }
      s.eflags = r.nextInt() & 0xcd5;
      cpu.loadState(s);
      ExitReason[] exit = new ExitReason[1];
      assertThatCode(() -> exit[0] = cpu.run(20_000)).as("seed %x mode %d", seed, mode).doesNotThrowAnyException();
      exits.merge(exit[0], 1, Integer::sum);
      assertThat(cpu.shutdownCause()).as("seed %x mode %d", seed, mode).doesNotContain("internal error");
    }
    System.out.println(backend.name() + ": random code: " + RUNS + " runs, exits " + exits);
    assertThat(exits.keySet()).doesNotContain(ExitReason.STOPPED, ExitReason.BREAKPOINT);
    assertThat(exits.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(RUNS);
  }
}
