package io.github.genova.nova.api;

/**
 * The program of a host EC: Java code standing where NOVA has an instruction stream. An EC created with
 * host code runs it instead of executing x86 instructions from its PD's memory.
 *
 * <ul>
 *   <li>A <b>local</b> EC runs its code once per portal call, on the caller's thread and time, with
 *       {@code ip} = the portal's entry IP and {@code arg} = the portal id. Returning is the {@code reply}.
 *   <li>A <b>global</b> EC runs its code once, on its own thread, after its STARTUP event was answered, with
 *       {@code ip} = the IP the startup handler replied and {@code arg} = 0 (the root EC gets the boot CPU).
 *       Returning blocks the EC for good, as a global EC's {@code reply} without a caller does.
 * </ul>
 *
 * <p>Host code is preempted only when it enters the kernel: at hypercalls, at memory slow paths and at
 * explicit yield points.
 */
@FunctionalInterface
public interface HostCode {
  /**
   * Runs the EC's code.
   *
   * @param self the hypercall gate of the running EC (its UTCB is {@code self.utcb()})
   * @param ip the entry point (a portal's IP, or the IP a startup handler replied)
   * @param arg the portal id for a portal call; 0 (or the boot CPU for the root EC) otherwise
   */
  void run(Hypercalls self, long ip, long arg);
}
