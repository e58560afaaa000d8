package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import io.github.genova.platform.MachineCpu;
import io.github.genova.platform.PhysicalBus;
import io.github.genova.platform.pc.StandardPc;
import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86State;

/**
 * A standard PC running a VGA option ROM the way a system BIOS does: the image at C0000h, every interrupt
 * vector first pointing at an IRET, the ROM's init entry far-called at C000:0003, then BIOS calls made from
 * a two-instruction stub ({@code int 10h; hlt}) with the registers a test chooses. Each call must end at the
 * stub's HLT, which {@link MachineCpu#run} reports as a final HALT because the stub runs with IF clear.
 */
final class RealModeCalls implements AutoCloseable {
  /** Where the stubs and the IRET live (just above the BIOS data area). */
  private static final int STUB = 0x500;
  private static final int IRET = 0x4f0;
  private static final int STACK_TOP = 0x7000;
  private static final long BUDGET = 50_000_000;

  final Machine machine;
  final StandardPc pc;
  final MachineCpu cpu;
  final PhysicalBus memory;

  RealModeCalls(byte[] optionRom) {
    machine = Machine.builder().ram(32L << 20).engine("interpreter").devices(StandardPc.devices()).build();
    pc = StandardPc.of(machine);
    cpu = machine.bootCpu();
    memory = machine.physical();
    memory.write(IRET, 1, 0xcf);
    for (int v = 0; v < 256; v++) {
      memory.write(v * 4L, 4, IRET);
    }
    memory.load(VgaOptionRom.LOAD_ADDRESS, optionRom);
  }

  /** Far-calls the option ROM's init entry and asserts that it returns. */
  void initialise() {
    // call far C000:0003; hlt
    memory.load(STUB, new byte[] {(byte) 0x9a, 0x03, 0x00, 0x00, (byte) 0xc0, (byte) 0xf4});
    run(new X86State(), "option ROM init");
  }

  /**
   * Makes {@code int 10h} with {@code eax, ebx, ecx, edx}, ES:DI = 0:{@code di}, and returns the state after
   * it returned.
   */
  X86State int10(int eax, int ebx, int ecx, int edx, int di) {
    memory.load(STUB, new byte[] {(byte) 0xcd, 0x10, (byte) 0xf4});
    X86State s = new X86State();
    s.regs[X86State.EAX] = eax;
    s.regs[X86State.EBX] = ebx;
    s.regs[X86State.ECX] = ecx;
    s.regs[X86State.EDX] = edx;
    s.regs[X86State.EDI] = di;
    return run(s, String.format("int 10h AX=%04x", eax & 0xffff));
  }

  /** Runs the code at 0:{@code ip} (which ends with HLT) with IF clear and returns the state at its HLT. */
  X86State runAt(int ip, String what) {
    X86State s = new X86State();
    s.eip = ip;
    return run(s, what, ip);
  }

  private X86State run(X86State s, String what) {
    s.eip = STUB;
    return run(s, what, STUB);
  }

  private X86State run(X86State s, String what, int at) {
    for (int seg = 0; seg < 6; seg++) {
      s.setRealModeSegment(seg, 0);
    }
    s.regs[X86State.ESP] = STACK_TOP;
    // IF clear: the IRET of the call restores it, so the stub's HLT halts for good and ends the run.
    s.eflags = 0x002;
    cpu.cpu().loadState(s);
    // The stub is rewritten for each call: drop whatever was decoded from it before.
    cpu.cpu().invalidateCode(at, 64);
    ExitReason why = cpu.run(BUDGET);
    X86State after = cpu.cpu().saveState(new X86State());
    int linear = after.base[X86State.CS] + after.eip;
    assertThat(why)
        .as("%s stopped at %04x:%04x (linear %05x) %s", what, after.selector[X86State.CS], after.eip, linear,
            cpu.cpu().shutdownCause())
        .isEqualTo(ExitReason.HALT);
    assertThat(linear).as("%s ends at the stub's HLT", what).isBetween(at + 1, at + 64);
    return after;
  }

  /** Where VBE calls get their buffers (ES = 0). */
  static final int CONTROLLER_INFO = 0x8000;
  static final int MODE_INFO = 0x9000;

  /** A VBE mode as 4F01 described it. */
  record VbeMode(int number, int attributes, int pitch, int width, int height, int bitsPerPixel, int model,
      long framebuffer) {}

  /**
   * Asks VBE for its controller information (4F00, VBE 2.0 buffer), walks the mode list with 4F01 to the
   * first {@code width x height x bpp} mode, sets it with its linear framebuffer (4F02, bit 14) and checks
   * along the way that every call answers AX=004Fh and that the DISPI device now shows the mode the ROM
   * described, with the LFB enabled where the ROM said it is. Returns that mode.
   */
  VbeMode setVbeModeWithLinearFramebuffer(int width, int height, int bpp) {
    memory.load(CONTROLLER_INFO, "VBE2".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    X86State info = int10(0x4f00, 0, 0, 0, CONTROLLER_INFO);
    assertThat(info.regs[X86State.EAX] & 0xffff).as("4F00 AX").isEqualTo(0x004f);
    assertThat(new String(memory.dump(CONTROLLER_INFO, 4), java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("VESA");
    assertThat(u16(CONTROLLER_INFO + 4)).as("VBE version").isGreaterThanOrEqualTo(0x0200);
    long modes = ((long) u16(CONTROLLER_INFO + 0x10) << 4) + u16(CONTROLLER_INFO + 0x0e);
    VbeMode found = null;
    for (int i = 0; i < 256 && found == null; i++) {
      int number = u16(modes + 2L * i);
      if (number == 0xffff) {
        break;
      }
      X86State mi = int10(0x4f01, 0, number, 0, MODE_INFO);
      assertThat(mi.regs[X86State.EAX] & 0xffff).as("4F01 AX for mode %04x", number).isEqualTo(0x004f);
      VbeMode m = new VbeMode(number, u16(MODE_INFO), u16(MODE_INFO + 0x10), u16(MODE_INFO + 0x12),
          u16(MODE_INFO + 0x14), u8(MODE_INFO + 0x19), u8(MODE_INFO + 0x1b), u32(MODE_INFO + 0x28));
      if (m.width() == width && m.height() == height && m.bitsPerPixel() == bpp) {
        found = m;
      }
    }
    assertThat(found).as("a %dx%dx%d mode in the VBE mode list", width, height, bpp).isNotNull();
    VbeMode mode = java.util.Objects.requireNonNull(found);
    assertThat(mode.attributes() & 0x81).as("supported, with a linear framebuffer").isEqualTo(0x81);
    assertThat(mode.model()).as("direct colour").isEqualTo(6);
    X86State set = int10(0x4f02, 0x4000 | mode.number(), 0, 0, 0);
    assertThat(set.regs[X86State.EAX] & 0xffff).as("4F02 AX").isEqualTo(0x004f);
    assertThat(dispi(1)).as("DISPI XRES").isEqualTo(width);
    assertThat(dispi(2)).as("DISPI YRES").isEqualTo(height);
    assertThat(dispi(3)).as("DISPI BPP").isEqualTo(bpp);
    assertThat(dispi(4) & 0x41).as("DISPI ENABLED | LFB_ENABLED").isEqualTo(0x41);
    assertThat(pc.vga().mode().text()).isFalse();
    assertThat(pc.vga().mode().pitchBytes()).as("pitch").isEqualTo(mode.pitch());
    assertThat(pc.vga().framebufferAddress()).as("LFB address").isEqualTo(mode.framebuffer());
    return mode;
  }

  /** Reads DISPI register {@code index} through ports 1CEh/1CFh, as a driver does. */
  int dispi(int index) {
    machine.ports().out(0x1ce, 2, index);
    return machine.ports().in(0x1cf, 2);
  }

  int u8(long address) {
    return (int) memory.read(address, 1);
  }

  int u16(long address) {
    return (int) memory.read(address, 2);
  }

  long u32(long address) {
    return memory.read(address, 4);
  }

  @Override
  public void close() {
    machine.close();
  }
}
