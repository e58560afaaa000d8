package io.github.genova.genode.os.hw;

/**
 * One interrupt line as a driver sees it (the classic IRQ session's {@code wait_for_irq}): {@link
 * #waitForIrq()} returns once per interrupt of the line; an interrupt that arrives while the driver is not
 * waiting is kept and ends the next wait at once.
 */
public interface Irq {
  /** Blocks the calling thread until the line's next (or a kept) interrupt. */
  void waitForIrq();
}
