package io.github.genova.platform.x86.jit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The JIT backend's contract beyond plain results: it is found as "jit", compiled code is dropped when its
 * bytes change (in the running block and on another page), faults inside compiled code are precise, and the
 * budget, breakpoints, {@code stop()} and interrupts behave, instruction for instruction, as on the
 * interpreter. Each test runs the guest on both ({@link Twin}) with the JIT compiling at the first run.
 */
class JitBackendTest {
  /** The benchmark's loop: mov esi, 0x10000; outer: mov ecx, 1023; inner: ...; dec ecx; jnz inner; jmp outer. */
  private static final String LOOP = "BE00000100" + "B9FF030000" + "8B048E" + "01C8" + "31D8" + "89048E" + "43"
      + "A901000000" + "7402" + "01C2" + "49" + "75E9" + "EBE2";

  private static byte[] hex(String code) {
    return HexFormat.of().parseHex(code.replace(" ", ""));
  }

  @Test
  void theBackendIsFoundAsJitAndRejectsABadThreshold() {
    X86Backend jit = X86Backends.named("jit");
    assertThat(jit.name()).isEqualTo(JitBackend.NAME);
    PagedRam ram = new PagedRam(1 << 20);
    ram.load(0x1000, hex(LOOP));
    X86Cpu cpu = jit.create(ram, IoPorts.NONE);
    cpu.loadState(Twin.flat32(0x1000));
    assertThat(cpu.run(1_000_000)).isEqualTo(ExitReason.BUDGET);
    assertThat(cpu.instructions()).isEqualTo(1_000_000);
    assertThatThrownBy(() -> new JitBackend(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threshold");
  }

  @Test
  void aStoreIntoTheRunningCompiledBlockChangesTheNextInstruction() {
    // mov ecx, 5; L: add dword [0x100d], 1; mov eax, 0 (its immediate at 0x100d); add edx, eax;
    // dec ecx; jnz L; hlt. The store patches the instruction right after it in the same block.
    Twin twin = new Twin(1, 0x1000);
    twin.load(0x1000, hex("B905000000 83050D10000001 B800000000 01C2 49 75EF F4"));
    twin.loadState(Twin.flat32(0x1000));
    assertThat(twin.run(1000, "patching the running block")).isEqualTo(ExitReason.HALT);
    assertThat(twin.jit.saveState(new X86State()).regs[X86State.EDX]).isEqualTo(1 + 2 + 3 + 4 + 5);
    assertThat(twin.compiler.translations()).isGreaterThan(1);
  }

  @Test
  void codePatchedOnAnotherPageIsRecompiled() {
    // mov ecx, 5; L: call 0x3000; add edx, eax; add dword [0x3001], 2; dec ecx; jnz L; hlt
    // 0x3000: mov eax, 1; ret
    Twin twin = new Twin(1, 0x1000, 0x3000, 0x7000);
    twin.load(0x1000, hex("B905000000 E8F61F0000 01C2 83050130000002 49 75EF F4"));
    twin.load(0x3000, hex("B801000000 C3"));
    X86State s = Twin.flat32(0x1000);
    s.regs[X86State.ESP] = 0x8000;
    twin.loadState(s);
    assertThat(twin.run(1000, "patching a called block")).isEqualTo(ExitReason.HALT);
    assertThat(twin.jit.saveState(new X86State()).regs[X86State.EDX]).isEqualTo(1 + 3 + 5 + 7 + 9);
  }

  @Test
  void invalidateCodeDropsCompiledBlocks() {
    // L: mov eax, imm; add edx, eax; jmp L  -- then the "loader" rewrites the immediate behind the CPU.
    Twin twin = new Twin(1, 0x1000);
    twin.load(0x1000, hex("B801000000 01C2 EBF7"));
    twin.loadState(Twin.flat32(0x1000));
    twin.run(300, "before the rewrite");
    twin.write32(0x1001, 100);
    twin.interpreter.invalidateCode(0x1001, 4);
    twin.jit.invalidateCode(0x1001, 4);
    int before = twin.jit.saveState(new X86State()).regs[X86State.EDX];
    twin.run(300, "after the rewrite");
    assertThat(twin.jit.saveState(new X86State()).regs[X86State.EDX] - before).isEqualTo(100 * 100);
  }

  @Test
  void aPageFaultInCompiledCodeIsPrecise() {
    Twin twin = new Twin(1, 0x1000, 0x7000);
    twin.load(0x3000, hex("F4"));
    // mov eax, 0x11111111; add ebx, eax; mov edx, 0x20000; mov [edx], eax (faults); mov ecx, ...; hlt
    twin.load(0x1000, hex("B811111111 01C3 BA00000200 8902 B922222222 F4"));
    X86State s = Twin.flat32(0x1000);
    // Paging with the page at 0x20000 not present; #PF goes to a HLT at 0x3000.
    twin.pagedFlat(s, 0, 0x3000);
    s.regs[X86State.ESP] = 0x8000;
    twin.loadState(s);
    assertThat(twin.run(100, "page fault")).isEqualTo(ExitReason.HALT);
    X86State after = twin.jit.saveState(new X86State());
    assertThat(after.cr2).isEqualTo(0x20000);
    assertThat(twin.jitRam.read32(after.regs[X86State.ESP])).as("error code: write to a non-present page")
        .isEqualTo(2);
    assertThat(twin.jitRam.read32(after.regs[X86State.ESP] + 4)).as("pushed EIP: the faulting store")
        .isEqualTo(0x100c);
    assertThat(after.regs[X86State.EBX]).isEqualTo(0x1111_1111);
    assertThat(after.regs[X86State.ECX]).as("the instruction after the fault did not run").isZero();
    assertThat(twin.compiler.translations()).isPositive();
  }

  @Test
  void theBudgetEndsCompiledLoopsAtTheExactInstruction() {
    Twin twin = new Twin(1, 0x1000, 0x10000, 0x11000);
    twin.load(0x1000, hex(LOOP));
    twin.loadState(Twin.flat32(0x1000));
    SplittableRandom random = new SplittableRandom(86);
    long total = 0;
    for (int i = 0; i < 300; i++) {
      int budget = 1 + random.nextInt(64);
      assertThat(twin.run(budget, "slice " + i)).isEqualTo(ExitReason.BUDGET);
      total += budget;
      assertThat(twin.jit.instructions()).isEqualTo(total);
    }
    assertThat(twin.compiler.translations()).isPositive();
  }

  @Test
  void aBreakpointInsideACompiledBlockStopsThere() {
    Twin twin = new Twin(1, 0x1000, 0x10000, 0x11000);
    twin.load(0x1000, hex(LOOP));
    twin.loadState(Twin.flat32(0x1000));
    twin.run(10_000, "warm-up");
    // 0x100d is "add eax, ecx", the second instruction of the compiled inner-loop block.
    twin.interpreter.addBreakpoint(0x100d);
    twin.jit.addBreakpoint(0x100d);
    for (int hit = 0; hit < 3; hit++) {
      assertThat(twin.run(1_000_000, "breakpoint " + hit)).isEqualTo(ExitReason.BREAKPOINT);
      assertThat(twin.jit.saveState(new X86State()).eip).isEqualTo(0x100d);
    }
    twin.interpreter.removeBreakpoint(0x100d);
    twin.jit.removeBreakpoint(0x100d);
    assertThat(twin.run(10_000, "after removing it")).isEqualTo(ExitReason.BUDGET);
  }

  @Test
  void stopEndsTheRunBeforeTheNextInstruction() {
    Twin twin = new Twin(1, 0x1000);
    twin.load(0x1000, hex(LOOP));
    twin.loadState(Twin.flat32(0x1000));
    twin.run(5_000, "warm-up");
    twin.interpreter.stop();
    twin.jit.stop();
    assertThat(twin.run(1000, "stopped")).isEqualTo(ExitReason.STOPPED);
    assertThat(twin.jit.instructions()).isEqualTo(5_000);
    assertThat(twin.run(1000, "after the stop")).isEqualTo(ExitReason.BUDGET);
  }

  @Test
  void anInterruptRaisedByADeviceIsTakenAtTheSameInstructionBoundary() {
    // Real mode. IVT[0x20] = 0000:3000: inc bp; iret.
    // sti; L: inc cx; test cl, 7; jnz +6; mov al, 0x20; out 0x80, al; nop; nop; inc dx; jmp L
    Twin twin = new Twin(1, 0x0000, 0x1000, 0x7000);
    twin.write32(0x20 * 4, 0x0000_3000);
    twin.load(0x3000, hex("45 CF"));
    twin.load(0x1000, hex("FB 41 F6C107 7506 B020 E680 9090 42 EBF1"));
    X86State s = new X86State();
    s.setRealModeSegment(X86State.CS, 0);
    s.setRealModeSegment(X86State.SS, 0);
    s.setRealModeSegment(X86State.DS, 0);
    s.eip = 0x1000;
    s.regs[X86State.ESP] = 0x8000;
    twin.loadState(s);
    SplittableRandom random = new SplittableRandom(0x20);
    for (int i = 0; i < 200; i++) {
      twin.run(1 + random.nextInt(50), "slice " + i);
    }
    X86State after = twin.jit.saveState(new X86State());
    int outs = (after.regs[X86State.ECX] & 0xffff) / 8;
    assertThat(after.regs[X86State.EBP]).as("one handler run per OUT").isBetween(outs - 1, outs);
    assertThat(outs).isGreaterThan(10);
  }
}
