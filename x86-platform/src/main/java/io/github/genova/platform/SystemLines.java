package io.github.genova.platform;

/**
 * The two system lines chipset devices drive towards the CPU: the reset line (the i8042's pulse command,
 * port 0x92 bit 0) and the A20 gate (the i8042's output port, port 0x92 bit 1). A CPU engine connects
 * itself with {@link Machine#connectSystemLines}; until then nothing happens. Called on the device's
 * thread, with the device's lock held: note the request and act on it at the next instruction boundary.
 */
public interface SystemLines {
  /** A device pulsed the CPU's reset line. */
  default void resetCpu() {}

  /** A device drove the A20 gate: {@code enabled} lets address bit 20 through. */
  default void a20(boolean enabled) {}
}
