package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.platform.firmware.BiosCallFailure;
import io.github.genova.platform.firmware.RealModeCaller;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86State;

/**
 * The video BIOS as a library: the platform's {@link RealModeCaller} (an x86 interpreter of the driver's
 * own) over the {@link RealModeMemory} sandbox and the {@link VgaPorts}, making one BIOS call at a time from
 * a stub in scratch RAM, as Genode's {@code vesa_drv} does with x86emu. The stub lives at linear 0x1000
 * ({@code CS = DS = ES = SS = 0x100}, {@code IP = 0}, {@code SP = 0x1000}, so the stack grows down from
 * linear 0x2000); VBE calls find their buffers at {@code ES:DI = 0x100:di}. A call that does not return to
 * the stub is a {@link BiosCallFailure} naming the call and where the CPU stopped.
 */
final class VideoBios {
  /** The segment of the stub, the buffers and the stack. */
  static final int SEGMENT = 0x100;
  /** The linear address of the stub. */
  static final int STUB = SEGMENT << 4;
  /**
   * Where unused interrupt vectors point when no system BIOS filled the vector table: an IRET just above
   * the stub ({@code SEGMENT:0010}).
   */
  static final int IRET = RealModeCaller.STUB_BYTES;
  /** The offset of an option ROM's init entry. */
  private static final int INIT_ENTRY = 3;

  private final RealModeCaller caller;

  /** Creates the interpreter over {@code memory} and {@code ports}. */
  VideoBios(RealModeMemory memory, IoPorts ports) {
    this.caller = new RealModeCaller(memory, ports, SEGMENT);
  }

  /**
   * Points every interrupt vector at an IRET in scratch RAM: what the option ROM finds in place of a system
   * BIOS's vectors when the vector table is the driver's own page (no firmware ran before).
   */
  void installDefaultVectors() {
    caller.installDefaultVectors(SEGMENT, IRET);
  }

  /** Runs the option ROM's init entry (a far call to {@code segment:0003}), as a system BIOS does at POST. */
  void initialise(int romSegment) throws BiosCallFailure {
    caller.callFar(romSegment, INIT_ENTRY, String.format("option ROM init at %04x:%04x", romSegment, INIT_ENTRY));
  }

  /**
   * Makes {@code int 10h} with {@code ax, bx, cx, dx} and {@code ES:DI = 0x100:di}, and returns the registers
   * after it.
   */
  X86State int10(int ax, int bx, int cx, int dx, int di) throws BiosCallFailure {
    X86State s = new X86State();
    s.regs[X86State.EAX] = ax;
    s.regs[X86State.EBX] = bx;
    s.regs[X86State.ECX] = cx;
    s.regs[X86State.EDX] = dx;
    s.regs[X86State.EDI] = di;
    return caller.interrupt(0x10, s, String.format("int 10h AX=%04x", ax & 0xffff));
  }
}
