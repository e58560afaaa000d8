package io.github.genova.nova.api;

/**
 * The program of a host EC: Java code standing where NOVA has an instruction stream. An EC created with
 * host code runs it instead of executing x86 instructions from its PD's memory.
 *
 * <ul>
 *   <li>A <b>local</b> EC runs its code once per portal call, on the caller's thread and time, with
 *       {@code ip} = the portal's entry IP and {@code arg} = the portal id. Returning is the {@code reply}.
 *   <li>A <b>global</b> EC runs its code once, on its own thread, after its STARTUP event was answered, with
 *       {@code ip} = the IP the startup handler replied and {@code arg} = the RDI it replied (0 unless the
 *       reply's MTD included {@link Mtd#GPR_BSD}; the root EC gets the boot CPU). The startup reply so
 *       decides where the EC begins: its code can branch on {@code ip}. Returning blocks the EC for good,
 *       as a global EC's {@code reply} without a caller does.
 *   <li>A Java exception escaping the code is an exception of the EC, delivered through its event portal
 *       (see the kernel's mapping of exception types to event numbers); without a portal the EC is killed.
 * </ul>
 *
 * <p>Host code is preempted only when it enters the kernel: at hypercalls (port accesses included) and at
 * page faults of its {@link MemoryView}. A TLB miss the PD's memory space resolves is no kernel entry, as a
 * hardware page walk is none. Between two kernel entries Java code runs undisturbed; a higher-priority SC,
 * a quantum's end, a migration or a recall takes effect at the next one.
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
