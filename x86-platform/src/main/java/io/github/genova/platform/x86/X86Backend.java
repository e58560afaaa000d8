package io.github.genova.platform.x86;

/**
 * An execution backend (interpreter, JIT, hardware virtualisation ...), found through
 * {@link java.util.ServiceLoader}. Backends are interchangeable: the same guest state gives the same
 * architectural results on each, so a machine can move a CPU between them with
 * {@link X86Cpu#saveState}/{@link X86Cpu#loadState}.
 */
public interface X86Backend {
  /** Returns the backend's short name, e.g. {@code "interpreter"}. */
  String name();

  /** Returns a new CPU in the reset state that reaches memory and ports through the given callbacks. */
  X86Cpu create(X86Memory memory, IoPorts ports);
}
