package io.github.genova.platform;

/**
 * The input stage of an interrupt controller connected to the {@link IsaInterrupts}: told of every level
 * change, on the thread of the device that made it.
 */
@FunctionalInterface
public interface IrqSink {
  /** Line {@code irq} went {@code high} (true) or low (false). */
  void irqLevel(int irq, boolean high);
}
