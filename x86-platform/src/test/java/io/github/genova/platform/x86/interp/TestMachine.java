package io.github.genova.platform.x86.interp;

import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86State;
import java.util.HexFormat;

/** A CPU on 2 MiB of RAM with helpers to place hand-assembled code and descriptor tables. */
final class TestMachine {
  final PagedRam ram = new PagedRam(2 << 20);
  final Interpreter cpu;
  final X86State state = new X86State();

  TestMachine() {
    this(IoPorts.NONE);
  }

  TestMachine(IoPorts ports) {
    cpu = new Interpreter(ram, ports);
  }

  /** Writes hex bytes (spaces allowed) at a physical address. */
  void code(long address, String hex) {
    ram.load(address, HexFormat.of().parseHex(hex.replace(" ", "")));
  }

  /** Writes a segment descriptor (flat when limit is 0xfffff with G set via flags 0xc). */
  void descriptor(int tableBase, int selector, int base, int limit, int access, int flags) {
    int lo = (limit & 0xffff) | (base << 16);
    int hi = ((base >>> 16) & 0xff) | (access << 8) | (limit & 0xf_0000) | (flags << 20) | (base & 0xff00_0000);
    ram.write32(tableBase + (selector & ~7), lo);
    ram.write32(tableBase + (selector & ~7) + 4, hi);
  }

  /** Writes an interrupt (type 0xE) or trap (0xF) gate. */
  void gate(int idtBase, int vector, int selector, int offset, int type, int dpl) {
    ram.write32(idtBase + vector * 8, (offset & 0xffff) | (selector << 16));
    ram.write32(idtBase + vector * 8 + 4, (offset & 0xffff_0000) | 0x8000 | (dpl << 13) | (type << 8));
  }

  /**
   * Puts the CPU in 32-bit flat protected mode at ring 0: GDT at 0x800 with 0x08 code and 0x10 data
   * (both DPL 0), 0x1B code and 0x23 data (DPL 3), IDT at 0x1000 (256 vectors, not present), EIP = eip.
   */
  void flatProtectedMode(int eip) {
    state.reset();
    descriptor(0x800, 0x08, 0, 0xfffff, 0x9b, 0xc);
    descriptor(0x800, 0x10, 0, 0xfffff, 0x93, 0xc);
    descriptor(0x800, 0x18, 0, 0xfffff, 0xfb, 0xc);
    descriptor(0x800, 0x20, 0, 0xfffff, 0xf3, 0xc);
    state.gdtBase = 0x800;
    state.gdtLimit = 0x2f;
    state.idtBase = 0x1000;
    state.idtLimit = 0x7ff;
    state.setFlatProtectedMode(0x08, 0x10);
    state.eip = eip;
    state.regs[X86State.ESP] = 0x9000;
    cpu.loadState(state);
  }

  X86State save() {
    return cpu.saveState(new X86State());
  }
}
