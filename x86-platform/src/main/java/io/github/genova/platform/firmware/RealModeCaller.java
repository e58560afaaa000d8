package io.github.genova.platform.firmware;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86Memory;
import io.github.genova.platform.x86.X86State;

/**
 * Real-mode BIOS calls made from host code, as a system BIOS calls an option ROM's init entry and as
 * Genode's {@code vesa_drv} calls the video BIOS through x86emu: an x86 interpreter of its own over the
 * given memory and ports runs one call at a time from a stub at {@code segment:0000} — a far call to an
 * entry or an {@code int n} — followed by HLT. The stub's segment is also DS, ES and SS (FS = GS = 0); the
 * stack grows down from {@code segment:1000}, so the stub's 4 KiB page holds the stub at its bottom and
 * the call's stack above it. Each call starts with IF clear, so the handler's IRET or RETF comes back to
 * the HLT and the HLT ends the run; a call that ends anywhere else, or does not end within {@link
 * #BUDGET} instructions, is a {@link BiosCallFailure} naming the call and where the CPU stopped.
 *
 * <p>Not thread-safe: one thread makes the calls.
 */
public final class RealModeCaller {
  /** The engine the calls run on, among {@link X86Backends}. */
  public static final String ENGINE = "interpreter";
  /** Instructions one call may take (an option ROM's init, which loads a font, takes well under a million). */
  public static final long BUDGET = 50_000_000L;
  /** The bytes at the bottom of the stub's segment that a stub may occupy; the stack lies above them. */
  public static final int STUB_BYTES = 16;
  private static final int STACK_POINTER = 0x1000;
  private static final int HLT = 0xf4;

  private final X86Memory memory;
  private final X86Cpu cpu;
  private final int segment;
  private final long stub;

  /**
   * Creates the caller over {@code memory} and {@code ports}, with its stub and stack in the 4 KiB at
   * {@code segment:0000}.
   *
   * @throws IllegalArgumentException if {@code segment} is not a real-mode segment (0..FFFFh)
   */
  public RealModeCaller(X86Memory memory, IoPorts ports, int segment) {
    if (segment < 0 || segment > 0xffff) {
      throw new IllegalArgumentException("not a real-mode segment: 0x" + Integer.toHexString(segment));
    }
    this.memory = memory;
    this.segment = segment;
    this.stub = (long) segment << 4;
    this.cpu = X86Backends.named(ENGINE).create(memory, ports);
  }

  /** Returns the segment of the stub, the stack, DS and ES. */
  public int segment() {
    return segment;
  }

  /**
   * Points all 256 interrupt vectors at an IRET that it puts at {@code handlerSegment:handlerOffset}: what a
   * BIOS installs for the vectors nobody hooked.
   */
  public void installDefaultVectors(int handlerSegment, int handlerOffset) {
    memory.write8(((long) handlerSegment << 4) + handlerOffset, 0xcf);
    for (int v = 0; v < 256; v++) {
      memory.write32(v * 4L, handlerSegment << 16 | (handlerOffset & 0xffff));
    }
  }

  /**
   * Far-calls {@code target:offset} (an option ROM's init entry is {@code seg:0003}) and returns the
   * registers after it returned.
   *
   * @param what the call, for the failure's message
   */
  public X86State callFar(int target, int offset, String what) throws BiosCallFailure {
    writeStub(0x9a, offset, offset >>> 8, target, target >>> 8, HLT);
    return run(new X86State(), what);
  }

  /**
   * Makes {@code int vector} with the general registers of {@code registers} (segments, IP, SP and flags
   * are the stub's) and returns the registers after it returned.
   *
   * @param what the call, for the failure's message
   */
  public X86State interrupt(int vector, X86State registers, String what) throws BiosCallFailure {
    writeStub(0xcd, vector, HLT);
    return run(registers, what);
  }

  private void writeStub(int... bytes) {
    for (int i = 0; i < bytes.length; i++) {
      memory.write8(stub + i, bytes[i] & 0xff);
    }
  }

  private X86State run(X86State s, String what) throws BiosCallFailure {
    for (int seg = X86State.ES; seg <= X86State.GS; seg++) {
      s.setRealModeSegment(seg, seg == X86State.FS || seg == X86State.GS ? 0 : segment);
    }
    s.eip = 0;
    s.regs[X86State.ESP] = STACK_POINTER;
    s.eflags = 0x002; // IF clear: the call's IRET or RETF keeps it so, and the stub's HLT ends the run
    cpu.loadState(s);
    cpu.invalidateCode(stub, STUB_BYTES); // the stub is rewritten for each call
    ExitReason why = cpu.run(BUDGET);
    X86State after = cpu.saveState(new X86State());
    long linear = after.base[X86State.CS] + (after.eip & 0xffffL);
    if (why != ExitReason.HALT || linear <= stub || linear > stub + STUB_BYTES) {
      throw new BiosCallFailure(what + " did not return: " + why + " at " + hex(after.selector[X86State.CS])
          + ":" + hex(after.eip) + (why == ExitReason.SHUTDOWN ? " (" + cpu.shutdownCause() + ")" : ""));
    }
    return after;
  }

  /** Formats a real-mode segment or offset as four hex digits. */
  static String hex(int value) {
    return String.format("%04x", value & 0xffff);
  }
}
