package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.Utcb;
import java.util.List;
import java.util.Objects;

/**
 * What the scheduling and event tests build from the root task: a STARTUP handler per CPU (a local EC
 * whose reply starts global ECs at IP 0x1000), global ECs with SCs, local ECs, portals and semaphores at
 * fresh selectors of the root PD.
 */
final class RootWorld {
  static final long ROOT_PD = 32;
  static final long ROOT_EC = 33;
  static final long ROOT_SC = 34;

  final NovaKernel kernel;
  final Hypercalls sys;
  /** Next free selector and UTCB address, shared by every view of one world. */
  private final long[] next;

  private RootWorld(NovaKernel kernel, Hypercalls sys, long[] next) {
    this.kernel = kernel;
    this.sys = sys;
    this.next = next;
  }

  /** Sets up STARTUP handlers for {@code cpus} CPUs of {@code kernel}, whose root gate is {@code sys}. */
  RootWorld(NovaKernel kernel, Hypercalls sys, int cpus) {
    this(kernel, sys, new long[] {0x400, 0x4000_0000L});
    for (int cpu = 0; cpu < cpus; cpu++) {
      long starter = local(cpu, (self, ip, pid) -> {
        Utcb u = self.utcb();
        u.setMtd(Mtd.RIP_LEN);
        u.setIp(0x1000);
        u.setCounts(0, 0);
      });
      check(sys.createPt(eventBase(cpu) + Event.STARTUP, ROOT_PD, starter, Mtd.RSP, 0));
    }
  }

  /** Boots a deterministic kernel with {@code cpus} CPUs and the default seed. */
  static NovaKernel boot(int cpus) {
    return NovaKernel.boot(KernelConfig.defaults().withCpus(cpus));
  }

  /** The same world seen from another EC of the root PD (each EC must use its own gate). */
  RootWorld as(Hypercalls other) {
    return new RootWorld(kernel, other, next);
  }

  /** The event base of global ECs this world creates on {@code cpu}. */
  static long eventBase(int cpu) {
    return 0x100 + 0x20L * cpu;
  }

  long sel() {
    long s = next[0];
    next[0] += 2;
    return s;
  }

  long utcb() {
    long u = next[1];
    next[1] += 0x1000;
    return u;
  }

  /** Creates a global EC on {@code cpu} running {@code code}; returns its EC selector (its SC is at +1). */
  long global(int cpu, int priority, long quantumMicros, HostCode code) {
    long ec = sel();
    check(sys.createEc(ec, ROOT_PD, cpu, utcb(), 0, eventBase(cpu), true, code));
    check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(priority, quantumMicros)));
    return ec;
  }

  /** Creates a local EC of the root PD on {@code cpu}; returns its selector. */
  long local(int cpu, HostCode code) {
    long ec = sel();
    check(sys.createEc(ec, ROOT_PD, cpu, utcb(), 0, 0, false, code));
    return ec;
  }

  /** Creates a portal to local EC {@code ec}; returns its selector. */
  long portal(long ec, boolean crossCpu) {
    long pt = sel();
    check(sys.createPt(pt, ROOT_PD, ec, 0, 0, crossCpu));
    return pt;
  }

  long semaphore(long count) {
    long sm = sel();
    check(sys.createSm(sm, ROOT_PD, count));
    return sm;
  }

  /** Lets every other EC run for {@code nanos} of kernel time (a timed down that times out). */
  void pause(long nanos) {
    long sm = semaphore(0);
    assertThat(sys.smDown(sm, false, kernel.nanos() + nanos)).isEqualTo(Status.TIMEOUT);
  }

  static void check(Status s) {
    assertThat(s).isEqualTo(Status.SUCCESS);
  }

  /** The EC named by root selector {@code sel}. */
  static Ec ecAt(NovaKernel k, long sel) {
    return (Ec) Objects.requireNonNull(k.rootPd.object(sel, Kobject.Type.EC, 0), "no EC at " + sel);
  }

  /** The trace events of {@code kind} about EC {@code ec}. */
  static List<TraceEvent> eventsOf(List<TraceEvent> trace, TraceEvent.Kind kind, long ec) {
    synchronized (trace) {
      return trace.stream().filter(e -> e.kind() == kind && e.ec() == ec).toList();
    }
  }
}
