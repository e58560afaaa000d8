package io.github.genova.platform.x86;

/**
 * One IA-32 CPU (i686-class integer ISA: real mode, 16/32-bit protected mode, 2-level paging) driven by the
 * thread that calls {@link #run}. Guest faults are delivered to the guest; nothing a guest program does makes
 * {@link #run} throw: a fault that cannot be delivered shuts the CPU down ({@link ExitReason#SHUTDOWN}).
 *
 * <p>Thread-safety: only {@link #stop}, {@link #assertIntr} and {@link #deassertIntr} may be called from other
 * threads; everything else belongs to the running thread.
 */
public interface X86Cpu {
  /** Copies the architectural state into {@code into} and returns it. */
  X86State saveState(X86State into);

  /** Replaces the architectural state with {@code state} (which is copied) and leaves the halted state. */
  void loadState(X86State state);

  /** Puts the CPU in the RESET state: real mode, CS:EIP = F000:FFF0 with CS base 0xFFFF0000. */
  void reset();

  /**
   * Runs at most {@code budget} instructions and returns why it stopped. A halted CPU stays halted (and
   * returns {@link ExitReason#HALT} at once) until an interrupt is accepted.
   */
  ExitReason run(long budget);

  /** Executes one instruction (or delivers one pending interrupt) and returns the exit reason. */
  default ExitReason step() {
    return run(1);
  }

  /** Asks a running {@link #run} to return {@link ExitReason#STOPPED} at the next instruction boundary. */
  void stop();

  /**
   * Asserts the INTR line with {@code vector}. The CPU accepts it at an instruction boundary when IF = 1 and
   * no interrupt shadow (after STI or a load of SS) is active; acceptance deasserts the line (the INTA cycle).
   */
  void assertIntr(int vector);

  /** Withdraws a pending INTR request. */
  void deassertIntr();

  /** Returns whether an INTR request given with {@link #assertIntr} still waits to be accepted. */
  boolean intrPending();

  /** Returns how many instructions this CPU has retired since creation. */
  long instructions();

  /** Stops {@link #run} before executing an instruction whose CS base + EIP equals {@code linear}. */
  void addBreakpoint(int linear);

  /** Removes a breakpoint set with {@link #addBreakpoint}. */
  void removeBreakpoint(int linear);

  /**
   * Tells the CPU that physical bytes {@code [address, address + length)} changed behind its back (device
   * DMA, a loader), so decoded code there is dropped.
   */
  void invalidateCode(long address, int length);

  /** Returns a description of the fault sequence that caused the last {@link ExitReason#SHUTDOWN}, or "". */
  String shutdownCause();
}
