package io.github.genova.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.device.chipset.BiosRom;
import io.github.genova.platform.pc.StandardPc;
import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.X86State;
import io.github.genova.platform.x86.asm.Assembler;
import java.io.ByteArrayOutputStream;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A machine's CPU wired to the machine: PIT ticks reach the CPU through the 8259 pair with the vector of
 * the acknowledge cycle while virtual time advances with executed and idle instructions, and port 92h
 * drives the A20 gate and the reset line.
 */
class MachineCpuTest {
  private static final int LOAD = 0x7c00;

  /** Builds a standard PC with {@code extra} devices, loads {@code source} at 7C00h and points CS:IP there. */
  private static Machine machineRunning(String source, DeviceFactory<?>... extra) {
    Machine.Builder b = Machine.builder().ram(4L << 20).engine("interpreter").devices(StandardPc.devices());
    for (DeviceFactory<?> d : extra) {
      b.device(d);
    }
    Machine m = b.build();
    m.physical().load(LOAD, new Assembler(include -> Optional.empty())
        .assemble("program.asm", "org 0x7c00\nbits 16\n" + source).image());
    X86State s = new X86State();
    for (int seg = 0; seg < 6; seg++) {
      s.setRealModeSegment(seg, 0);
    }
    s.eip = LOAD;
    s.regs[X86State.ESP] = 0x7000;
    m.bootCpu().cpu().loadState(s);
    return m;
  }

  private static ByteArrayOutputStream recordPost(Machine m) {
    ByteArrayOutputStream codes = new ByteArrayOutputStream();
    StandardPc.of(m).post().setListener(codes::write);
    return codes;
  }

  @Test
  void pitTicksArriveThroughThePicWithItsVectorAsVirtualTimePasses() {
    String program = """
            mov word [0x20*4], irq0
            mov word [0x20*4+2], 0
            mov al, 0x11
            out 0x20, al
            out 0xa0, al
            mov al, 0x20
            out 0x21, al
            mov al, 0x28
            out 0xa1, al
            mov al, 4
            out 0x21, al
            mov al, 2
            out 0xa1, al
            mov al, 1
            out 0x21, al
            out 0xa1, al
            mov al, 0xfe
            out 0x21, al
            mov al, 0xff
            out 0xa1, al
            mov al, 0x34
            out 0x43, al
            mov ax, 11932
            out 0x40, al
            mov al, ah
            out 0x40, al
            sti
        wait:
            hlt
            cmp word [ticks], 5
            jb wait
            cli
            mov al, [ticks]
            out 0x80, al
            hlt
        irq0:
            inc word [ticks]
            push ax
            mov al, 0x20
            out 0x20, al
            pop ax
            iret
        ticks:
            dw 0
        """;
    try (Machine m = machineRunning(program)) {
      ByteArrayOutputStream post = recordPost(m);
      ExitReason why = m.bootCpu().run(100_000_000);
      assertThat(why).isEqualTo(ExitReason.HALT);
      assertThat(post.toByteArray()).containsExactly(5);
      // 5 periods of 11932 PIT clocks at 1 193 182 Hz: 50.0 ms of virtual time, mostly spent halted.
      assertThat(m.clock().nanos()).isBetween(50_000_000L, 50_100_000L);
      assertThat(m.bootCpu().cpu().instructions()).isLessThan(1_000);
    }
  }

  @Test
  void port92DrivesTheA20GateOfTheCpu() {
    String program = """
            in al, 0x92
            and al, 0xfd
            out 0x92, al
            mov ax, 0xffff
            mov es, ax
            mov byte [0], 0x11
            mov byte [es:0x10], 0x22
            mov al, [0]
            out 0x80, al
            in al, 0x92
            or al, 2
            out 0x92, al
            mov byte [es:0x10], 0x33
            mov al, [0]
            out 0x80, al
            mov al, [es:0x10]
            out 0x80, al
            cli
            hlt
        """;
    try (Machine m = machineRunning(program)) {
      ByteArrayOutputStream post = recordPost(m);
      assertThat(m.bootCpu().run(10_000)).isEqualTo(ExitReason.HALT);
      // A20 off: FFFF:0010 wraps to 0; A20 on: it is 100000h.
      assertThat(HexFormat.of().formatHex(post.toByteArray())).isEqualTo("222233");
    }
  }

  @Test
  void port92ResetRestartsTheCpuAtTheResetVectorOfTheBiosRom() {
    byte[] bios = new byte[4096];
    byte[] resetCode = {(byte) 0xb0, (byte) 0xaa, (byte) 0xe6, (byte) 0x80, (byte) 0xfa, (byte) 0xf4};
    System.arraycopy(resetCode, 0, bios, 0xff0, resetCode.length);
    String program = """
            mov al, 0x10
            out 0x80, al
            mov al, 3
            out 0x92, al
            mov al, 0x99
            out 0x80, al
            cli
            hlt
        """;
    try (Machine m = machineRunning(program, BiosRom.of(bios))) {
      ByteArrayOutputStream post = recordPost(m);
      assertThat(m.bootCpu().run(10_000)).isEqualTo(ExitReason.HALT);
      // Bit 1 keeps A20 open (a reset does not open a closed gate), bit 0 pulses the reset line.
      assertThat(HexFormat.of().formatHex(post.toByteArray())).isEqualTo("10aa");
      X86State s = m.bootCpu().cpu().saveState(new X86State());
      assertThat(s.selector[X86State.CS]).isEqualTo(0xf000);
    }
  }

  @Test
  void stopEndsARunAndABadCpuNumberIsRefused() {
    try (Machine m = machineRunning("spin:\n jmp spin\n")) {
      m.bootCpu().stop();
      assertThat(m.bootCpu().run(1_000)).isEqualTo(ExitReason.STOPPED);
      assertThat(m.bootCpu().run(1_000)).isEqualTo(ExitReason.BUDGET);
      assertThat(m.bootCpu().cpu().instructions()).isEqualTo(1_000);
      assertThatThrownBy(() -> m.cpu(1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CPU 1");
    }
  }
}
