package io.github.genova.platform;

/**
 * Receives interrupts by global system interrupt number. The kernel attaches one to the machine's
 * {@link InterruptLines}; NOVA turns each into an {@code up} on the GSI's interrupt semaphore.
 */
@FunctionalInterface
public interface GsiListener {
  /** Called on the raising thread when {@code gsi} fires. */
  void interrupt(int gsi);
}
