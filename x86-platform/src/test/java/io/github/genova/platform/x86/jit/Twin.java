package io.github.genova.platform.x86.jit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86State;
import io.github.genova.platform.x86.interp.Interpreter;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The same guest on two CPUs, each on its own RAM: the interpreter and the JIT (a {@link BytecodeCompiler}
 * with a given threshold). Everything written goes to both; {@link #run} runs both and asserts that exit,
 * instruction count, the whole architectural state and the compared memory pages agree.
 */
final class Twin {
  static final long RAM = 2 << 20;

  final PagedRam interpreterRam = new PagedRam(RAM);
  final PagedRam jitRam = new PagedRam(RAM);
  final Interpreter interpreter;
  final BytecodeCompiler compiler;
  final Interpreter jit;
  private final long[] comparedPages;

  /**
   * Creates the twins; {@code comparedPages} are the physical pages compared after every run. Each CPU's
   * ports act as an interrupting device: an OUT to port {@link #INTR_PORT} asserts INTR with the value as
   * the vector on the CPU that executed it.
   */
  Twin(int threshold, long... comparedPages) {
    compiler = new BytecodeCompiler(threshold);
    InterruptingDevice interpreterDevice = new InterruptingDevice();
    InterruptingDevice jitDevice = new InterruptingDevice();
    interpreter = new Interpreter(interpreterRam, interpreterDevice);
    jit = new Interpreter(jitRam, jitDevice, compiler);
    interpreterDevice.cpu = interpreter;
    jitDevice.cpu = jit;
    this.comparedPages = comparedPages;
  }

  /** The port whose writes raise INTR. */
  static final int INTR_PORT = 0x80;

  /** Ports with one device: a write to {@link #INTR_PORT} asserts INTR on the CPU that made it. */
  private static final class InterruptingDevice implements IoPorts {
    private @Nullable Interpreter cpu;

    @Override
    public int in(int port, int size) {
      return IoPorts.NONE.in(port, size);
    }

    @Override
    public void out(int port, int size, int value) {
      if (port == INTR_PORT) {
        Objects.requireNonNull(cpu).assertIntr(value);
      }
    }
  }

  void load(long address, byte[] bytes) {
    interpreterRam.load(address, bytes);
    jitRam.load(address, bytes);
  }

  void write32(long address, int value) {
    interpreterRam.write32(address, value);
    jitRam.write32(address, value);
  }

  void loadState(X86State s) {
    interpreter.loadState(s);
    jit.loadState(s);
  }

  /** Runs both for {@code budget} instructions, checks they agree and returns the exit. */
  ExitReason run(long budget, String context) {
    ExitReason expected = interpreter.run(budget);
    ExitReason actual = jit.run(budget);
    assertThat(actual).as("exit, %s", context).isEqualTo(expected);
    assertSame(context);
    return expected;
  }

  /** Asserts that both CPUs and the compared pages agree. */
  void assertSame(String context) {
    assertThat(jit.instructions()).as("instructions, %s", context).isEqualTo(interpreter.instructions());
    assertThat(describe(jit.saveState(new X86State()))).as("state, %s", context)
        .isEqualTo(describe(interpreter.saveState(new X86State())));
    assertThat(jit.shutdownCause()).as("shutdown, %s", context).isEqualTo(interpreter.shutdownCause());
    for (long page : comparedPages) {
      for (long a = page; a < page + 4096; a += 4) {
        if (jitRam.read32(a) != interpreterRam.read32(a)) {
          assertThat(Integer.toHexString(jitRam.read32(a))).as("memory at %x, %s", a, context)
              .isEqualTo(Integer.toHexString(interpreterRam.read32(a)));
        }
      }
    }
  }

  static String describe(X86State s) {
    return "regs=" + Arrays.toString(Arrays.stream(s.regs).mapToObj(Integer::toHexString).toArray())
        + " eip=" + Integer.toHexString(s.eip) + " eflags=" + Integer.toHexString(s.eflags)
        + " sel=" + Arrays.toString(s.selector) + " base=" + Arrays.toString(s.base)
        + " limit=" + Arrays.toString(s.limit) + " attr=" + Arrays.toString(s.attributes)
        + " cr0=" + Integer.toHexString(s.cr0) + " cr2=" + Integer.toHexString(s.cr2)
        + " cr3=" + Integer.toHexString(s.cr3) + " cr4=" + Integer.toHexString(s.cr4) + " cpl=" + s.cpl
        + " gdt=" + Integer.toHexString(s.gdtBase) + "/" + s.gdtLimit + " idt=" + Integer.toHexString(s.idtBase)
        + "/" + s.idtLimit + " a20=" + s.a20;
  }

  /** Page-table entry of the page at {@link RandomProgram#DATA} in the table {@link #pagedFlat} builds. */
  static final int PTE_OF_DATA = 0x11000 + (RandomProgram.DATA >>> 12) * 4;

  /**
   * Turns {@code s} into paged flat protected mode: 4 MiB mapped 1:1 by a directory at 0x10000 and a table
   * at 0x11000 whose entry for the data page is {@code dataEntry}, CR0.WP set, a GDT at 0x3c00 (flat code
   * 0x08, data 0x10) and an IDT at 0x3800 sending #PF to {@code handler}.
   */
  void pagedFlat(X86State s, int dataEntry, int handler) {
    write32(0x10000, 0x11000 | 7);
    for (int i = 0; i < 1024; i++) {
      write32(0x11000 + i * 4, i << 12 | 7);
    }
    write32(PTE_OF_DATA, dataEntry);
    write32(0x3c08, 0x0000_ffff);
    write32(0x3c0c, 0x00cf_9b00);
    write32(0x3c10, 0x0000_ffff);
    write32(0x3c14, 0x00cf_9300);
    write32(0x3800 + 14 * 8, 0x0008_0000 | (handler & 0xffff));
    write32(0x3800 + 14 * 8 + 4, (handler & 0xffff_0000) | 0x8e00);
    s.cr0 = 0x8001_0011;
    s.cr3 = 0x10000;
    s.gdtBase = 0x3c00;
    s.gdtLimit = 0x17;
    s.idtBase = 0x3800;
    s.idtLimit = 0x7f;
  }

  /** A 32-bit flat protected-mode state at ring 0 entering at {@code eip}. */
  static X86State flat32(int eip) {
    X86State s = new X86State();
    s.setFlatProtectedMode(8, 16);
    s.eip = eip;
    return s;
  }
}
