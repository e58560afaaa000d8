package io.github.genova.jmh;

import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;

/**
 * What the kernel benchmarks set up from the root task: global ECs (with the STARTUP portal they need)
 * and semaphores, at fixed selectors of the root PD.
 */
final class KernelFixture {
  static final long ROOT_PD = 32;
  private static final long EVENT_BASE = 0x100;
  private final Hypercalls root;
  private long nextSel = 0x200;
  private long nextUtcb = 0x4000_0000L;
  private final boolean[] starterOn = new boolean[64];

  KernelFixture(Hypercalls root) {
    this.root = root;
  }

  static void check(Status s) {
    if (s != Status.SUCCESS) {
      throw new IllegalStateException("setup hypercall failed: " + s);
    }
  }

  long semaphore() {
    long sm = nextSel++;
    check(root.createSm(sm, ROOT_PD, 0));
    return sm;
  }

  /** Creates a global EC on {@code cpu} with its own SC at {@code priority}, running {@code code}. */
  void global(int cpu, int priority, HostCode code) {
    long base = EVENT_BASE + 0x20L * cpu;
    if (!starterOn[cpu]) {
      long starter = nextSel++;
      check(root.createEc(starter, ROOT_PD, cpu, nextUtcb, 0, 0, false, (self, ip, pid) -> {
        Utcb u = self.utcb();
        u.setMtd(Mtd.RIP_LEN);
        u.setIp(0x1000);
      }));
      nextUtcb += 0x1000;
      check(root.createPt(base + Event.STARTUP, ROOT_PD, starter, 0, 0));
      starterOn[cpu] = true;
    }
    long ec = nextSel;
    nextSel += 2;
    check(root.createEc(ec, ROOT_PD, cpu, nextUtcb, 0, base, true, code));
    nextUtcb += 0x1000;
    check(root.createSc(ec + 1, ROOT_PD, ec, new Qpd(priority, 10_000)));
  }
}
