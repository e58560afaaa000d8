package io.github.genova.platform.x86.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run/step/stop API, interrupt injection, HLT, breakpoints, ports, SMC and the i686 extras. */
class CpuControlTest {
  private final List<String> portLog = new ArrayList<>();
  private final TestMachine m = new TestMachine(new IoPorts() {
    @Override
    public int in(int port, int size) {
      portLog.add("in " + Integer.toHexString(port) + "/" + size);
      return 0x1234_5678;
    }

    @Override
    public void out(int port, int size, int value) {
      portLog.add("out " + Integer.toHexString(port) + "/" + size + "=" + Integer.toHexString(value));
    }
  });

  private void realMode(int ip) {
    m.state.reset();
    m.state.setRealModeSegment(X86State.CS, 0);
    m.state.setRealModeSegment(X86State.SS, 0);
    m.state.regs[X86State.ESP] = 0x7000;
    m.state.eip = ip;
    m.cpu.loadState(m.state);
  }

  @Test
  void theInterpreterIsFoundThroughServiceLoaderAndStartsAtTheResetVector() {
    PagedRam ram = new PagedRam(1 << 20);
    X86Cpu cpu = X86Backends.named("interpreter").create(ram, IoPorts.NONE);
    X86State s = cpu.saveState(new X86State());
    assertThat(s.selector[X86State.CS]).isEqualTo(0xf000);
    assertThat(s.base[X86State.CS]).isEqualTo(0xffff_0000);
    assertThat(s.eip).isEqualTo(0xfff0);
    assertThatThrownBy(() -> X86Backends.named("jit-that-is-not-there"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interpreter");
  }

  @Test
  void anInterruptAssertedBeforeStiIsTakenOnlyAfterTheInstructionFollowingSti() {
    m.ram.write16(0x20 * 4, 0x6000);
    m.ram.write16(0x20 * 4 + 2, 0);
    m.code(0x6000, "C606000601 CF"); // mov byte [0x600], 1; iret
    m.code(0x5000, "FB F4 C606010602 F4"); // sti; hlt; mov byte [0x601], 2; hlt
    realMode(0x5000);
    m.cpu.assertIntr(0x20);

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read8(0x600)).isEqualTo(1);
    assertThat(m.ram.read8(0x601)).isEqualTo(2);
    // The handler ran after the first HLT (STI shadow): it returned to the MOV after it.
    assertThat(m.save().eip).isEqualTo(0x5008);
  }

  @Test
  void aHaltedCpuWithInterruptsDisabledStaysHaltedAndWakesOnAnAcceptedInterrupt() {
    m.ram.write16(0x21 * 4, 0x6000);
    m.code(0x6000, "B0AA F4");
    m.code(0x5000, "F4 F4");
    realMode(0x5000);
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    m.cpu.assertIntr(0x21);
    assertThat(m.cpu.run(100)).as("IF = 0").isEqualTo(ExitReason.HALT);
    assertThat(m.save().eip).isEqualTo(0x5001);
    X86State s = m.save();
    s.eflags |= 0x200;
    m.cpu.loadState(s);
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.save().regs[X86State.EAX] & 0xff).isEqualTo(0xaa);
  }

  @Test
  void budgetBreakpointAndStopEndRunsAtInstructionBoundaries() {
    m.code(0x5000, "40 40 40 EBFB"); // inc ax x3; jmp back
    realMode(0x5000);
    assertThat(m.cpu.run(2)).isEqualTo(ExitReason.BUDGET);
    assertThat(m.save().regs[X86State.EAX]).isEqualTo(2);
    m.cpu.addBreakpoint(0x5003);
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.BREAKPOINT);
    assertThat(m.save().eip).isEqualTo(0x5003);
    assertThat(m.cpu.step()).as("resumes past the breakpoint").isEqualTo(ExitReason.BUDGET);
    m.cpu.removeBreakpoint(0x5003);
    m.cpu.stop();
    assertThat(m.cpu.run(1000)).isEqualTo(ExitReason.STOPPED);
    long before = m.cpu.instructions();
    assertThat(m.cpu.run(1000)).isEqualTo(ExitReason.BUDGET);
    assertThat(m.cpu.instructions() - before).isEqualTo(1000);
  }

  @Test
  void portInstructionsReachTheCallbacksWithTheirSizes() {
    m.code(0x5000, "B0 41 E6 E9" // mov al, 'A'; out 0xe9, al
        + "BA F8 03 66 ED" // mov dx, 0x3f8; in eax, dx
        + "66 EF F4"); // out dx, eax
    realMode(0x5000);
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(portLog).containsExactly("out e9/1=41", "in 3f8/4", "out 3f8/4=12345678");
  }

  @Test
  void undefinedOpcodesRaiseInvalidOpcodeThroughTheIvt() {
    m.ram.write16(6 * 4, 0x6000);
    m.code(0x6000, "F4");
    m.code(0x5000, "0FFF");
    realMode(0x5000);
    assertThat(m.cpu.run(10)).isEqualTo(ExitReason.HALT);
    assertThat(m.save().eip).isEqualTo(0x6001);
    assertThat(m.ram.read16(0x7000 - 6)).as("pushed IP = the undefined opcode").isEqualTo(0x5000);
  }

  @Test
  void storesIntoTheNextInstructionAreSeenWhenItExecutes() {
    m.code(0x5000, "C606 0650 42" // mov byte [0x5006], 0x42  (the immediate of the next MOV)
        + "B0 00" // mov al, 0
        + "F4");
    realMode(0x5000);
    assertThat(m.cpu.run(10)).isEqualTo(ExitReason.HALT);
    assertThat(m.save().regs[X86State.EAX] & 0xff).isEqualTo(0x42);
  }

  @Test
  void codePatchedOnAnotherPageInALoopRunsTheNewBytes() {
    // loop: call 0x6000; add bx, ax; inc byte [0x6001]; dec cx; jnz loop; hlt
    m.code(0x5000, "B90500 E8FA0F 01C3 FE060160 49 75F4 F4");
    m.code(0x6000, "B80000 C3"); // mov ax, imm16; ret  (the low immediate byte is patched each round)
    realMode(0x5000);
    assertThat(m.cpu.run(1000)).isEqualTo(ExitReason.HALT);
    assertThat(m.save().regs[X86State.EBX] & 0xffff).isEqualTo(0 + 1 + 2 + 3 + 4);
  }

  @Test
  void cpuidRdtscAndCmovBehaveLikeAnI686() {
    m.code(0x5000, "6631C0 0FA2" // xor eax, eax; cpuid
        + "6689 1E0006 6689 160406 6689 0E0806" // store ebx, edx, ecx (vendor)
        + "66B801000000 0FA2 6689160C06" // cpuid 1; store edx (features)
        + "0F31" // rdtsc
        + "66B905000000 66BB07000000 6639D9 660F42CB" // mov ecx,5; mov ebx,7; cmp ecx,ebx; cmovb ecx,ebx
        + "F4");
    realMode(0x5000);
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    byte[] vendor = new byte[12];
    for (int i = 0; i < 12; i++) {
      vendor[i] = (byte) m.ram.read8(0x600 + i);
    }
    assertThat(new String(vendor, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("GenuineIntel");
    assertThat(m.ram.read32(0x60c) & (1 << 15)).as("CMOV feature bit").isNotZero();
    assertThat(m.save().regs[X86State.ECX]).isEqualTo(7);
  }
}
