package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;

/**
 * The video BIOS as a library: an x86 interpreter of the driver's own, over the {@link RealModeMemory}
 * sandbox and the {@link VgaPorts}, that runs one BIOS call at a time from a stub in scratch RAM, as
 * Genode's {@code vesa_drv} does with x86emu. The stub lives at linear 0x1000 ({@code CS = DS = ES = SS =
 * 0x100}, {@code IP = 0}, {@code SP = 0x1000}, so the stack grows down from linear 0x2000): {@code int 10h;
 * hlt}, or a far call to the option ROM's init entry and {@code hlt}. Each call runs with IF clear, so the
 * HLT ends it; a call that ends anywhere else, or does not end within its budget, is a {@link
 * Failure} naming the call and where the CPU stopped.
 */
final class VideoBios {
  /** The segment of the stub, the buffers and the stack. */
  static final int SEGMENT = 0x100;
  /** The linear address of the stub. */
  static final int STUB = SEGMENT << 4;
  /** Where unused interrupt vectors point when no system BIOS filled the vector table: an IRET. */
  static final int IRET = STUB + 0x10;
  /** The interpreter's name among {@link X86Backends}. */
  static final String ENGINE = "interpreter";
  /** Instructions one call may take (the option ROM's init, which loads a font, takes well under a million). */
  static final long BUDGET = 50_000_000L;
  private static final int STACK_POINTER = 0x1000;

  /** A BIOS call that did not return to the stub's HLT. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  private final RealModeMemory memory;
  private final X86Cpu cpu;

  /** Creates the interpreter over {@code memory} and {@code ports}. */
  VideoBios(RealModeMemory memory, IoPorts ports) {
    this.memory = memory;
    this.cpu = X86Backends.named(ENGINE).create(memory, ports);
  }

  /**
   * Points every interrupt vector at an IRET in scratch RAM: what the option ROM finds in place of a system
   * BIOS's vectors when the vector table is the driver's own page (no firmware ran before).
   */
  void installDefaultVectors() {
    memory.write8(IRET, 0xcf);
    for (int v = 0; v < 256; v++) {
      memory.write32(v * 4L, IRET);
    }
  }

  /** Runs the option ROM's init entry (a far call to {@code segment:0003}), as a system BIOS does. */
  void initialise(int romSegment) throws Failure {
    // call far romSegment:0003; hlt
    memory.load(STUB, new byte[] {(byte) 0x9a, 0x03, 0x00, (byte) romSegment, (byte) (romSegment >>> 8),
        (byte) 0xf4});
    run(new X86State(), "option ROM init at " + hex(romSegment) + ":0003");
  }

  /**
   * Makes {@code int 10h} with {@code ax, bx, cx, dx} and {@code ES:DI = 0x100:di}, and returns the registers
   * after it.
   */
  X86State int10(int ax, int bx, int cx, int dx, int di) throws Failure {
    memory.load(STUB, new byte[] {(byte) 0xcd, 0x10, (byte) 0xf4});
    X86State s = new X86State();
    s.regs[X86State.EAX] = ax;
    s.regs[X86State.EBX] = bx;
    s.regs[X86State.ECX] = cx;
    s.regs[X86State.EDX] = dx;
    s.regs[X86State.EDI] = di;
    return run(s, "int 10h AX=" + hex(ax));
  }

  private X86State run(X86State s, String what) throws Failure {
    for (int seg = X86State.ES; seg <= X86State.GS; seg++) {
      s.setRealModeSegment(seg, seg == X86State.FS || seg == X86State.GS ? 0 : SEGMENT);
    }
    s.eip = 0;
    s.regs[X86State.ESP] = STACK_POINTER;
    s.eflags = 0x002; // IF clear: the call's IRET restores it, so the stub's HLT ends the run
    cpu.loadState(s);
    cpu.invalidateCode(STUB, 16); // the stub is rewritten for each call
    ExitReason why = cpu.run(BUDGET);
    X86State after = cpu.saveState(new X86State());
    int linear = after.base[X86State.CS] + after.eip;
    if (why != ExitReason.HALT || linear <= STUB || linear > STUB + 16) {
      throw new Failure(what + " did not return: " + why + " at " + hex(after.selector[X86State.CS]) + ":"
          + hex(after.eip) + (why == ExitReason.SHUTDOWN ? " (" + cpu.shutdownCause() + ")" : ""));
    }
    return after;
  }

  private static String hex(int value) {
    return String.format("%04x", value & 0xffff);
  }
}
