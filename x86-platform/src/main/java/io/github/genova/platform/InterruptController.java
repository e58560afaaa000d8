package io.github.genova.platform;

/**
 * The interrupt controller in front of the boot CPU's INTR pin (on a PC, the 8259 pair): whether INTR is
 * asserted, the interrupt acknowledge cycle that yields the vector, and a wake-up for the CPU when INTR
 * rises. A {@link MachineCpu} finds it among the machine's devices; the machine package knows no device.
 */
public interface InterruptController {
  /** Returns whether INTR is asserted. */
  boolean interruptPending();

  /**
   * Runs the interrupt acknowledge cycle and returns the vector the CPU takes; called only when the CPU
   * accepts an interrupt.
   */
  int acknowledge();

  /**
   * Calls {@code wake} whenever INTR rises, replacing the previous callback. It runs on whichever thread
   * raised the line, possibly with the controller's lock held: it may only note the event.
   */
  void onIntrRaised(Runnable wake);
}
