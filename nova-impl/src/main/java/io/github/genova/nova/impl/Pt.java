package io.github.genova.nova.impl;

/**
 * A portal: an entry point into a PD, bound for good to one local EC, with the MTD that selects the state
 * an exception delivers, the entry IP and the portal id the EC receives on every call.
 */
final class Pt extends Kobject {
  final Ec ec;
  /** {@link #ec}'s kernel entry, which its code gets on every call (one load fewer on the IPC path). */
  final HypercallGate entry;
  final long mtd;
  final long ip;
  volatile long id;

  Pt(NovaKernel kernel, Ec ec, long mtd, long ip) {
    super(kernel, Type.PT);
    this.ec = ec;
    this.entry = ec.gate;
    this.mtd = mtd;
    this.ip = ip;
    ec.acquire();
  }

  @Override
  void destroy() {
    ec.release();
  }
}
