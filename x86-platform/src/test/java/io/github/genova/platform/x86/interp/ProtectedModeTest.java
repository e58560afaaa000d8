package io.github.genova.platform.x86.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86State;
import org.junit.jupiter.api.Test;

/** Protected mode from guest code: the PE switch, #GP and #PF delivery, paging A/D bits, rings, shutdown. */
class ProtectedModeTest {
  private final TestMachine m = new TestMachine();

  @Test
  void realModeCodeEntersFlat32BitProtectedModeThroughLgdtCr0AndFarJump() {
    m.descriptor(0x600, 0x08, 0, 0xfffff, 0x9a, 0xc);
    m.descriptor(0x600, 0x10, 0, 0xfffff, 0x92, 0xc);
    m.code(0x7d00, "1700 00060000");
    m.code(0x7c00, "FA" // cli
        + "0F01 16 007D" // lgdt [0x7d00]
        + "0F20C0" // mov eax, cr0
        + "6683C801" // or eax, 1
        + "0F22C0" // mov cr0, eax
        + "66EA 207C0000 0800"); // jmp dword 0x08:0x7c20
    m.code(0x7c20, "66B81000" // mov ax, 0x10
        + "8ED8 8ED0" // mov ds, ax; mov ss, ax
        + "BC00900000" // mov esp, 0x9000
        + "C705 00050000 EFBEADDE" // mov dword [0x500], 0xdeadbeef
        + "F4");
    m.state.reset();
    m.state.setRealModeSegment(X86State.CS, 0);
    m.state.eip = 0x7c00;
    m.cpu.loadState(m.state);

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    X86State s = m.save();
    assertThat(m.ram.read32(0x500)).isEqualTo(0xdeadbeef);
    assertThat(s.cr0 & 1).isEqualTo(1);
    assertThat(s.selector[X86State.CS]).isEqualTo(0x08);
    assertThat(s.attributes[X86State.CS] & 0x4000).as("32-bit code").isNotZero();
    assertThat(s.limit[X86State.DS]).isEqualTo(-1);
    assertThat((m.ram.read32(0x60c) >>> 8) & 1).as("accessed bit of the code descriptor").isEqualTo(1);
  }

  @Test
  void loadingASelectorBeyondTheGdtRaisesGpWithTheSelectorAsErrorCode() {
    m.flatProtectedMode(0x2000);
    m.gate(0x1000, 13, 0x08, 0x3000, 0xe, 0);
    m.code(0x2000, "66B83B00 8ED8 F4"); // mov ax, 0x3b; mov ds, ax; hlt
    m.code(0x3000, "58 A304050000 8B0424 A308050000 F4"); // pop eax; mov [0x504], eax; mov eax,[esp]; ...

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read32(0x504)).as("error code").isEqualTo(0x38);
    assertThat(m.ram.read32(0x508)).as("pushed EIP = the faulting MOV").isEqualTo(0x2004);
  }

  @Test
  void pagingSetsAccessedAndDirtyBitsAndFaultsWithCr2AndErrorCode() {
    m.flatProtectedMode(0x2000);
    // Page directory at 0x10000, one page table at 0x11000 mapping 0..4 MiB 1:1 (supervisor, writable),
    // except page 0x5000 (not present) and page 0x6000 (read-only).
    m.ram.write32(0x10000, 0x11000 | 0x3);
    for (int p = 0; p < 1024; p++) {
      int flags = p == 5 ? 0 : p == 6 ? 0x1 : 0x3;
      m.ram.write32(0x11000 + p * 4, (p << 12) | flags);
    }
    m.gate(0x1000, 14, 0x08, 0x3000, 0xe, 0);
    m.code(0x2000, "B800000100 0F22D8" // mov eax, 0x10000; mov cr3, eax
        + "0F20C0 0D00000080 0F22C0" // mov eax, cr0; or eax, 0x80000000; mov cr0, eax
        + "C70500700000 01000000" // mov dword [0x7000], 1  (write: A and D)
        + "8B1500A00000" // mov edx, [0xa000]  (read: A only)
        + "8B1500500000" // mov edx, [0x5000]  (not present: #PF)
        + "F4");
    m.code(0x3000, "0F20D0 A310050000 58 A314050000 F4"); // mov eax, cr2; store; pop error code; store; hlt

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read32(0x510)).as("CR2").isEqualTo(0x5000);
    assertThat(m.ram.read32(0x514)).as("error code: not present, read, supervisor").isEqualTo(0);
    assertThat(m.ram.read32(0x11000 + 7 * 4) & 0x60).as("PTE 7 accessed + dirty").isEqualTo(0x60);
    assertThat(m.ram.read32(0x11000 + 10 * 4) & 0x60).as("PTE 10 accessed only").isEqualTo(0x20);
    assertThat(m.ram.read32(0x10000) & 0x20).as("PDE accessed").isEqualTo(0x20);
  }

  @Test
  void supervisorWritesToReadOnlyPagesFaultOnlyWithCr0Wp() {
    m.flatProtectedMode(0x2000);
    m.ram.write32(0x10000, 0x11000 | 0x3);
    for (int p = 0; p < 1024; p++) {
      m.ram.write32(0x11000 + p * 4, (p << 12) | (p == 6 ? 0x1 : 0x3));
    }
    m.gate(0x1000, 14, 0x08, 0x3000, 0xe, 0);
    m.code(0x2000, "B800000100 0F22D8"
        + "0F20C0 0D00000080 0F22C0" // paging on, WP off
        + "C70500600000 11000000" // mov dword [0x6000], 0x11: allowed without WP
        + "0F20C0 0D00000100 0F22C0" // or eax, 0x10000 (WP)
        + "C70500600000 22000000" // now #PF(3)
        + "F4");
    m.code(0x3000, "58 A314050000 F4");

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read32(0x6000)).isEqualTo(0x11);
    assertThat(m.ram.read32(0x514)).as("error code: present, write, supervisor").isEqualTo(3);
  }

  @Test
  void ring3IntoRing0ThroughAnInterruptGateSwitchesToTheTssStackAndIretReturns() {
    m.flatProtectedMode(0);
    // TSS at 0x7000: ESP0 = 0x9000, SS0 = 0x10.
    m.descriptor(0x800, 0x28, 0x7000, 0x67, 0x89, 0);
    m.ram.write32(0x7004, 0x9000);
    m.ram.write32(0x7008, 0x10);
    m.gate(0x1000, 0x80, 0x08, 0x3000, 0xe, 3);
    m.code(0x2000, "CD80" // int 0x80
        + "C70518050000 01000000" // mov dword [0x518], 1
        + "EBFE"); // jmp $
    m.code(0x3000, "89251005000 0".replace(" ", "") // mov [0x510], esp
        + "8B44240C A314050000" // mov eax, [esp+12] (user ESP); store
        + "8B442410 A31C050000" // mov eax, [esp+16] (user SS); store
        + "CF"); // iretd
    X86State s = m.save();
    s.trSelector = 0x28;
    s.trBase = 0x7000;
    s.trLimit = 0x67;
    s.trAttributes = 0x8b;
    s.cpl = 3;
    s.selector[X86State.CS] = 0x1b;
    s.attributes[X86State.CS] = 0xc0fb;
    for (int seg : new int[] {X86State.SS, X86State.DS, X86State.ES}) {
      s.selector[seg] = 0x23;
      s.attributes[seg] = 0xc0f3;
    }
    s.eip = 0x2000;
    s.regs[X86State.ESP] = 0x6000;
    m.cpu.loadState(s);

    assertThat(m.cpu.run(1000)).isEqualTo(ExitReason.BUDGET);
    X86State after = m.save();
    assertThat(m.ram.read32(0x510)).as("ring-0 ESP: TSS ESP0 minus 5 dwords").isEqualTo(0x9000 - 20);
    assertThat(m.ram.read32(0x514)).as("user ESP").isEqualTo(0x6000);
    assertThat(m.ram.read32(0x51c)).as("user SS").isEqualTo(0x23);
    assertThat(m.ram.read32(0x518)).as("back in ring 3").isEqualTo(1);
    assertThat(after.cpl).isEqualTo(3);
    assertThat(after.selector[X86State.CS]).isEqualTo(0x1b);
    assertThat(after.regs[X86State.ESP]).isEqualTo(0x6000);
  }

  @Test
  void hltInRing3IsAGeneralProtectionFault() {
    m.flatProtectedMode(0);
    m.descriptor(0x800, 0x28, 0x7000, 0x67, 0x89, 0);
    m.ram.write32(0x7004, 0x9000);
    m.ram.write32(0x7008, 0x10);
    m.gate(0x1000, 13, 0x08, 0x3000, 0xe, 0);
    m.code(0x2000, "F4");
    m.code(0x3000, "C70520050000 0D000000 F4");
    X86State s = m.save();
    s.trSelector = 0x28;
    s.trBase = 0x7000;
    s.trLimit = 0x67;
    s.cpl = 3;
    s.selector[X86State.CS] = 0x1b;
    s.attributes[X86State.CS] = 0xc0fb;
    s.selector[X86State.SS] = 0x23;
    s.attributes[X86State.SS] = 0xc0f3;
    s.eip = 0x2000;
    m.cpu.loadState(s);

    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read32(0x520)).isEqualTo(13);
    assertThat(m.save().cpl).isZero();
  }

  @Test
  void aFaultWithNoUsableIdtEscalatesToDoubleThenTripleFaultAndShutsDown() {
    m.flatProtectedMode(0x2000);
    m.code(0x2000, "0F0B"); // ud2; every IDT entry is absent
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.SHUTDOWN);
    assertThat(m.cpu.shutdownCause()).contains("triple fault").contains("#DF");
    assertThat(m.cpu.run(100)).as("stays down").isEqualTo(ExitReason.SHUTDOWN);
    m.cpu.reset();
    assertThat(m.save().eip).isEqualTo(0xfff0);
  }

  @Test
  void doubleFaultIsDeliveredThroughVector8() {
    m.flatProtectedMode(0x2000);
    m.gate(0x1000, 8, 0x08, 0x3000, 0xe, 0);
    m.ram.write32(0x1000 + 13 * 8 + 4, 0x0000_0e00); // #GP gate not present: #NP while delivering #GP
    m.code(0x2000, "66B83B00 8ED8"); // mov ds, 0x3b -> #GP -> #NP -> #DF
    m.code(0x3000, "58 A324050000 F4");
    assertThat(m.cpu.run(100)).isEqualTo(ExitReason.HALT);
    assertThat(m.ram.read32(0x524)).as("#DF error code").isZero();
  }

  @Test
  void aStoreThroughAnotherLinearAliasOfTheCodePageInvalidatesTheDecodedLoop() {
    m.flatProtectedMode(0x2000);
    m.ram.write32(0x10000, 0x11000 | 0x3);
    m.ram.write32(0x10004, 0x12000 | 0x3);
    for (int p = 0; p < 1024; p++) {
      m.ram.write32(0x11000 + p * 4, (p << 12) | 0x3);
    }
    m.ram.write32(0x12000 + 2 * 4, 0x2000 | 0x3); // linear 0x402000 -> physical 0x2000
    m.code(0x2000, "31DB B903000000" // xor ebx, ebx; mov ecx, 3
        + "B800000000" // loop: mov eax, imm32 (imm at 0x2008)
        + "01C3" // add ebx, eax
        + "800508204000 01" // add byte [0x402008], 1: patches the MOV through the alias
        + "49 75EF F4"); // dec ecx; jnz loop; hlt
    X86State s = m.save();
    s.cr3 = 0x10000;
    s.cr0 |= 0x8000_0000;
    m.cpu.loadState(s);

    assertThat(m.cpu.run(1000)).isEqualTo(ExitReason.HALT);
    assertThat(m.save().regs[X86State.EBX]).isEqualTo(0 + 1 + 2);
  }

  @Test
  void aFarCallThroughACallGateCopiesParametersToTheRing0StackAndRetfReturnsToRing3() {
    m.flatProtectedMode(0);
    m.descriptor(0x800, 0x28, 0x7000, 0x67, 0x89, 0);
    m.ram.write32(0x7004, 0x9000);
    m.ram.write32(0x7008, 0x10);
    // Call gate 0x30: 32-bit, DPL 3, one parameter, to 0x08:0x3000.
    m.ram.write32(0x830, 0x3000 | (0x08 << 16));
    m.ram.write32(0x834, 0x8000 | (3 << 13) | (0xc << 8) | 1);
    m.code(0x2000, "6A2A" // push 0x2a
        + "9A 00000000 3300" // call far 0x33:0 (through the gate)
        + "A328050000" // mov [0x528], eax
        + "89252C050000" // mov [0x52c], esp
        + "EBFE"); // jmp $
    m.code(0x3000, "8B442408" // mov eax, [esp+8]: the copied parameter
        + "892530050000" // mov [0x530], esp
        + "8CD3 891D34050000" // mov ebx, ss; mov [0x534], ebx
        + "CA0400"); // retf 4
    X86State s = m.save();
    s.trSelector = 0x28;
    s.trBase = 0x7000;
    s.trLimit = 0x67;
    s.cpl = 3;
    s.selector[X86State.CS] = 0x1b;
    s.attributes[X86State.CS] = 0xc0fb;
    for (int seg : new int[] {X86State.SS, X86State.DS, X86State.ES}) {
      s.selector[seg] = 0x23;
      s.attributes[seg] = 0xc0f3;
    }
    s.gdtLimit = 0x37;
    s.eip = 0x2000;
    s.regs[X86State.ESP] = 0x6000;
    m.cpu.loadState(s);

    assertThat(m.cpu.run(200)).as(m.cpu.shutdownCause()).isEqualTo(ExitReason.BUDGET);
    assertThat(m.ram.read32(0x528)).as("parameter seen in ring 0").isEqualTo(0x2a);
    assertThat(m.ram.read32(0x530)).as("ring-0 ESP: SS, ESP, 1 parameter, CS, EIP").isEqualTo(0x9000 - 20);
    assertThat(m.ram.read32(0x534) & 0xffff).as("ring-0 SS from the TSS").isEqualTo(0x10);
    assertThat(m.ram.read32(0x52c)).as("RETF 4 released the parameter on the outer stack").isEqualTo(0x6000);
    assertThat(m.save().cpl).isEqualTo(3);
  }
}
