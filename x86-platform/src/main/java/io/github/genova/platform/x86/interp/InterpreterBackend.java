package io.github.genova.platform.x86.interp;

import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Memory;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Cpu;

/** The interpreter as a {@link X86Backend}, registered for {@link java.util.ServiceLoader} as "interpreter". */
public final class InterpreterBackend implements X86Backend {
  /** The backend's name. */
  public static final String NAME = "interpreter";

  /** Creates the provider (called by {@link java.util.ServiceLoader}). */
  public InterpreterBackend() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public X86Cpu create(X86Memory memory, IoPorts ports) {
    return new Interpreter(memory, ports);
  }
}
