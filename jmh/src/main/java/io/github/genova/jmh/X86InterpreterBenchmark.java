package io.github.genova.jmh;

import io.github.genova.platform.Machine;
import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Backends;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The x86 engine's speed (the interpreter, and the JIT backend that compiles hot blocks to JVM bytecode) in guest instructions per microsecond (= MIPS) on a 32-bit flat
 * protected-mode loop that mixes integer work, array loads and stores and taken/not-taken branches:
 * <pre>
 *   mov esi, 0x10000
 * outer: mov ecx, 1023
 * inner: mov eax, [esi+ecx*4]; add eax, ecx; xor eax, ebx; mov [esi+ecx*4], eax; inc ebx
 *        test eax, 1; jz skip; add edx, eax
 * skip:  dec ecx; jnz inner; jmp outer
 * </pre>
 * Each invocation runs one million instructions. {@code memory} chooses what the CPU runs on:
 * {@code paged-ram} is the standalone {@link PagedRam} (heap pages), {@code machine} the off-heap
 * RAM frames of a {@link Machine}'s physical bus, which the engine's TLB reaches the same way.
 * {@code backend} names the {@link X86Backends} backend.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class X86InterpreterBenchmark {
  private static final int BUDGET = 1_000_000;
  private static final String LOOP = "BE00000100" + "B9FF030000" + "8B048E" + "01C8" + "31D8" + "89048E" + "43"
      + "A901000000" + "7402" + "01C2" + "49" + "75E9" + "EBE2";

  /** The memory under the CPU. */
  @Param({"paged-ram", "machine"})
  public String memory;

  /** The execution backend. */
  @Param({"interpreter", "jit"})
  public String backend;

  private X86Cpu cpu;
  private @Nullable Machine machine;

  /** Loads the loop at 0x1000 and enters flat 32-bit protected mode there. */
  @Setup(Level.Trial)
  public void setUp() {
    byte[] loop = HexFormat.of().parseHex(LOOP);
    if (memory.equals("machine")) {
      Machine m = Machine.builder().ram(1 << 20).engine(backend).build();
      m.physical().load(0x1000, loop);
      machine = m;
      cpu = m.bootCpu().cpu();
    } else {
      PagedRam ram = new PagedRam(1 << 20);
      ram.load(0x1000, loop);
      cpu = X86Backends.named(backend).create(ram, IoPorts.NONE);
    }
    X86State s = new X86State();
    s.setFlatProtectedMode(8, 16);
    s.eip = 0x1000;
    s.regs[X86State.ESP] = 0x8000;
    cpu.loadState(s);
  }

  /** Frees the machine's RAM. */
  @TearDown(Level.Trial)
  public void tearDown() {
    Machine m = machine;
    if (m != null) {
      m.close();
    }
  }

  /** Runs one million guest instructions. */
  @Benchmark
  @OperationsPerInvocation(BUDGET)
  public ExitReason mixedLoop() {
    return cpu.run(BUDGET);
  }
}
