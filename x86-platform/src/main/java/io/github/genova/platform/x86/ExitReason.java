package io.github.genova.platform.x86;

/** Why {@link X86Cpu#run} returned. Every return leaves the CPU at an instruction boundary. */
public enum ExitReason {
  /** The CPU executed HLT and waits for an interrupt; EIP points after the HLT. */
  HALT,
  /** The instruction budget given to {@link X86Cpu#run} is used up. */
  BUDGET,
  /** A fault occurred while delivering a double fault: the CPU shut down ({@link X86Cpu#shutdownCause}). */
  SHUTDOWN,
  /** The next instruction starts at a breakpoint address ({@link X86Cpu#addBreakpoint}). */
  BREAKPOINT,
  /** Another thread called {@link X86Cpu#stop}. */
  STOPPED
}
