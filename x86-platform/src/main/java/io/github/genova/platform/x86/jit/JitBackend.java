package io.github.genova.platform.x86.jit;

import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86Memory;
import io.github.genova.platform.x86.interp.Interpreter;

/**
 * The x86 → JVM-bytecode JIT as a {@link X86Backend}, registered for {@link java.util.ServiceLoader} as
 * "jit". Its CPUs are interpreters whose hot blocks run as compiled bytecode ({@link BytecodeCompiler}), so
 * they give the interpreter's architectural results, instruction counts and exits.
 */
public final class JitBackend implements X86Backend {
  /** The backend's name. */
  public static final String NAME = "jit";
  /** Runs of a block before it is compiled: long enough that start-up code is not compiled for nothing. */
  public static final int DEFAULT_THRESHOLD = 256;

  private final int threshold;

  /** Creates the provider (called by {@link java.util.ServiceLoader}) with {@link #DEFAULT_THRESHOLD}. */
  public JitBackend() {
    this(DEFAULT_THRESHOLD);
  }

  /**
   * Creates a backend whose CPUs compile a block once it has run {@code threshold} times (1: at its first
   * run, as conformance tests want).
   *
   * @throws IllegalArgumentException if {@code threshold} is not positive
   */
  public JitBackend(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException("JIT threshold must be at least 1 run: " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public X86Cpu create(X86Memory memory, IoPorts ports) {
    return new Interpreter(memory, ports, new BytecodeCompiler(threshold));
  }
}
