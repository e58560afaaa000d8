package io.github.genova.platform.x86.jit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86State;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Runs seeded random programs of the covered micro-op kinds ({@link RandomProgram}: straight-line code,
 * forward branches, calls and a counted loop, with some uncovered instructions in between) on the
 * interpreter and on the JIT, in 32-bit flat protected mode and in real mode, in slices of random length,
 * and compares exit, instruction count, the full architectural state and the code, data and stack pages
 * after every slice. Random slice lengths also cut blocks short, which the JIT must leave to the
 * interpreter. Every fourth program runs with paging and its data page read-only (CR0.WP): its first store
 * there raises #PF, whose handler makes the page writable and returns to retry the store, so a fault arises
 * inside compiled code at a random point of a random block.
 */
class JitDifferentialTest {
  private static final int PROGRAMS = 300;

  @Test
  void randomProgramsLeaveTheInterpretersStateAfterEverySlice() {
    SplittableRandom seeds = new SplittableRandom(0x1e7_86L);
    long translations = 0;
    long instructions = 0;
    int faults = 0;
    for (int p = 0; p < PROGRAMS; p++) {
      long seed = seeds.nextLong();
      SplittableRandom random = new SplittableRandom(seed);
      boolean code32 = p % 2 == 0;
      boolean paging = p % 4 == 2;
      Twin twin = new Twin(1 + random.nextInt(3), 0x1000, 0x2000, RandomProgram.DATA, 0x7000, 0x8000, 0x11000);
      twin.load(RandomProgram.CODE, RandomProgram.generate(random, code32));
      byte[] data = new byte[4096];
      random.nextBytes(data);
      twin.load(RandomProgram.DATA, data);
      X86State s;
      if (code32) {
        s = Twin.flat32(RandomProgram.CODE);
        s.regs[X86State.ESI] = RandomProgram.DATA + 0x100;
        s.regs[X86State.EDI] = RandomProgram.DATA + 0x200;
      } else {
        s = new X86State();
        s.setRealModeSegment(X86State.CS, 0);
        s.setRealModeSegment(X86State.DS, RandomProgram.DATA >>> 4);
        s.setRealModeSegment(X86State.SS, 0);
        s.eip = RandomProgram.CODE;
        s.regs[X86State.ESI] = 0x100;
        s.regs[X86State.EDI] = 0x200;
      }
      s.regs[X86State.EAX] = random.nextInt();
      s.regs[X86State.EDX] = random.nextInt();
      s.regs[X86State.EBP] = random.nextInt();
      s.regs[X86State.EBX] = random.nextInt(16);
      s.regs[X86State.ESP] = RandomProgram.STACK_TOP;
      s.eflags = (random.nextInt() & 0x8d5) | 2;
      if (paging) {
        writeProtectData(twin, s);
      }
      twin.loadState(s);
      String context = String.format("seed %x, %s", seed, code32 ? "32-bit" : "real mode");
      ExitReason exit = ExitReason.BUDGET;
      for (int slice = 0; slice < 10_000 && exit == ExitReason.BUDGET; slice++) {
        exit = twin.run(1 + random.nextInt(40), context + ", slice " + slice);
      }
      assertThat(exit).as("the program ends at its HLT, %s", context).isEqualTo(ExitReason.HALT);
      translations += twin.compiler.translations();
      if (paging && (twin.jitRam.read32(Twin.PTE_OF_DATA) & 2) != 0) {
        faults++;
      }
      instructions += twin.jit.instructions();
    }
    System.out.printf("JIT differential: %d programs (%d with a #PF), %d instructions, %d translations%n",
        PROGRAMS, faults, instructions, translations);
    assertThat(translations).as("blocks were compiled").isGreaterThan(PROGRAMS);
    assertThat(faults).as("programs whose store faulted").isGreaterThan(PROGRAMS / 8);
  }

  /**
   * Turns on paging with the data page read-only and CR0.WP set; the #PF handler at 0x3000 makes the page
   * writable and returns: {@code mov dword [pte], DATA|7; invlpg [DATA]; add esp, 4; iret}.
   */
  private static void writeProtectData(Twin twin, X86State s) {
    twin.pagedFlat(s, RandomProgram.DATA | 5, 0x3000);
    twin.load(0x3000, HexFormat.of().parseHex(String.format("C705%08X%08X", Integer.reverseBytes(
        Twin.PTE_OF_DATA), Integer.reverseBytes(RandomProgram.DATA | 7)) + String.format("0F013D%08X",
        Integer.reverseBytes(RandomProgram.DATA)) + "83C404" + "CF"));
  }
}
