package io.github.genova.platform.device.ps2;

/**
 * The two system lines the i8042's output port drives: the CPU reset (pulsed by command 0xFE or by
 * clearing output-port bit 0) and the A20 gate (output-port bit 1, commands 0xDD/0xDF). A CPU engine
 * implements them; by default nothing happens. Called with the controller's lock held.
 */
public interface SystemLines {
  /** The controller pulsed the CPU's reset line. */
  default void resetCpu() {}

  /** The controller drove the A20 gate: {@code enabled} lets address bit 20 through. */
  default void a20(boolean enabled) {}
}
