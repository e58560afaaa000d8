package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Checklist items 63–78 of nova-interface.md (scheduling, events, recall), EC migration, exception
 * handlers on another CPU, determinism and virtual time. Global ECs are made by {@link World}.
 */
class SchedulingTest {
  static final long ROOT_PD = 32;
  static final long ROOT_SC = 34;

  /**
   * The root task's helpers: a STARTUP handler per CPU (a local EC whose reply starts global ECs at IP
   * 0x1000) and a way to make global ECs with SCs.
   */
  static final class World {
    final Hypercalls sys;
    /** Next free selector and UTCB address, shared by every view of one world. */
    private final long[] next;

    private World(Hypercalls sys, long[] next) {
      this.sys = sys;
      this.next = next;
    }

    /** The same world seen from another EC of the root PD (each EC must use its own gate). */
    World as(Hypercalls other) {
      return new World(other, next);
    }

    World(Hypercalls sys, int cpus) {
      this(sys, new long[] {0x400, 0x4000_0000L});
      for (int cpu = 0; cpu < cpus; cpu++) {
        long starter = sel();
        check(sys.createEc(starter, ROOT_PD, cpu, utcb(), 0, 0, false, (self, ip, pid) -> {
          Utcb u = self.utcb();
          u.setMtd(Mtd.RIP_LEN);
          u.setIp(0x1000);
          u.setCounts(0, 0);
        }));
        check(sys.createPt(eventBase(cpu) + Event.STARTUP, ROOT_PD, starter, Mtd.RSP, 0));
      }
    }

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

    /** Creates a global EC on {@code cpu} running {@code code}; returns its EC selector (SC at +1). */
    long global(int cpu, int priority, long quantumMicros, HostCode code) {
      long ec = sel();
      check(sys.createEc(ec, ROOT_PD, cpu, utcb(), 0, eventBase(cpu), true, code));
      check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(priority, quantumMicros)));
      return ec;
    }

    long semaphore(long count) {
      long sm = sel();
      check(sys.createSm(sm, ROOT_PD, count));
      return sm;
    }
  }

  static void check(Status s) {
    assertThat(s).isEqualTo(Status.SUCCESS);
  }

  /** The EC named by root selector {@code sel}. */
  static Ec ecAt(NovaKernel k, long sel) {
    return (Ec) java.util.Objects.requireNonNull(k.rootPd.object(sel, Kobject.Type.EC, 0), "no EC at " + sel);
  }

  private static NovaKernel boot(int cpus) {
    return NovaKernel.boot(KernelConfig.defaults().withCpus(cpus));
  }

  @Test
  void item63_globalEcRaisesStartupWhenItsFirstScIsBoundAndNotBefore() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long done = w.semaphore(0);
        long handler = w.sel();
        check(sys.createEc(handler, ROOT_PD, 0, w.utcb(), 0, 0, false, (self, ip2, pid) -> {
          events.add("startup sp=" + self.utcb().sp());
          self.utcb().setMtd(Mtd.RIP_LEN);
          self.utcb().setIp(0x2000);
        }));
        long base = 0x300;
        check(sys.createPt(base + Event.STARTUP, ROOT_PD, handler, Mtd.RSP, 0));
        long ec = w.sel();
        check(sys.createEc(ec, ROOT_PD, 0, w.utcb(), 0xbeef, base, true, (self, ip2, a) -> {
          events.add("run ip=0x" + Long.toHexString(ip2));
          self.smUp(done);
        }));
        events.add("created");
        check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(5, 1000)));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(events).containsExactly("created", "startup sp=48879", "run ip=0x2000");
  }

  @Test
  void item64_vcpuCannotBeCreatedWithoutVirtualizationSupport() {
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> assertThat(sys.createEc(0x200, ROOT_PD, 0, 0, 0, 0, true, null))
          .isEqualTo(Status.BAD_FTR), Duration.ofSeconds(10));
    }
  }

  @Test
  void item65_localEcNeverRunsWithoutAnIncomingCall() {
    AtomicLong runs = new AtomicLong();
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long local = w.sel();
        check(sys.createEc(local, ROOT_PD, 0, w.utcb(), 0, 0, false, (self, ip2, pid) -> runs.incrementAndGet()));
        long pt = w.sel();
        check(sys.createPt(pt, ROOT_PD, local, 0, 0));
        // Give time a chance: a long timed wait lets every other EC run.
        long sm = w.semaphore(0);
        assertThat(sys.smDown(sm, false, k.nanos() + 1_000_000_000L)).isEqualTo(Status.TIMEOUT);
        assertThat(runs.get()).isZero();
        check(sys.call(pt));
        assertThat(runs.get()).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item66to69_pageFaultThroughPortalWithQualAndMtdAndDelegateReply() {
    List<Long> seen = new ArrayList<>();
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        long pager = 0x500;
        check(sys.createEc(pager, ROOT_PD, 0, 0x6000_0000L, 0, 0, false, (self, ip2, pid) -> {
          Utcb u = self.utcb();
          seen.add(u.mtd());
          seen.add(u.qual(0));
          seen.add(u.qual(1));
          seen.add((long) u.untyped());
          u.setCounts(1, 0);
          u.setMtd(0);
          u.appendDelegate(Crd.memory(0x300, 0, Perm.MEM_RWX), u.qual(1) >>> 12, Utcb.ITEM_HOST);
        }));
        check(sys.createPt(Event.PAGE_FAULT, ROOT_PD, pager, Mtd.QUAL | Mtd.RIP_LEN, 0));
        sys.memory().writeInt(0x2000_0010L, 7);
        assertThat(sys.memory().readInt(0x2000_0010L)).isEqualTo(7);
      }, Duration.ofSeconds(10));
    }
    assertThat(seen).containsExactly(Mtd.QUAL | Mtd.RIP_LEN, 6L, 0x2000_0010L, (long) Utcb.DATA_WORDS);
  }

  @Test
  void item68_replyMtdSelectsWhatIsWrittenBackAndZeroChangesNothing() {
    List<String> starts = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long done = w.semaphore(0);
        long handler = w.sel();
        long[] mtd = {0};
        check(sys.createEc(handler, ROOT_PD, 0, w.utcb(), 0, 0, false, (self, ip2, pid) -> {
          self.utcb().setMtd(mtd[0]);
          self.utcb().setIp(0x7777);
        }));
        long base = 0x600;
        check(sys.createPt(base + Event.STARTUP, ROOT_PD, handler, 0, 0));
        for (long m : new long[] {0, Mtd.RIP_LEN}) {
          mtd[0] = m;
          long ec = w.sel();
          check(sys.createEc(ec, ROOT_PD, 0, w.utcb(), 0, base, true, (self, ip2, a) -> {
            starts.add(Long.toHexString(ip2));
            self.smUp(done);
          }));
          check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(5, 1000)));
          check(sys.smDown(done, false, 0));
        }
      }, Duration.ofSeconds(10));
    }
    assertThat(starts).containsExactly("0", "7777");
  }

  @Test
  void item70_exceptionWithoutPortalKillsTheEc() {
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long done = w.semaphore(0);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          self.smUp(done);
          throw new IllegalStateException("boom"); // #GP, and event base + 0x0d holds no portal
        });
        check(sys.smDown(done, false, 0));
        Ec victim = ecAt(k, ec);
        long sm = w.semaphore(0);
        sys.smDown(sm, false, k.nanos() + 1_000_000); // let it run into its fault
        assertThat(victim.isDead()).isTrue();
        assertThat(victim.deathReason()).contains("no portal for event 0xd");
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item71_exceptionHandlerOnAnotherCpuKillsTheEcUnlessItsPortalAllowsCrossCpu() {
    for (boolean crossCpu : new boolean[] {false, true}) {
      List<String> handled = Collections.synchronizedList(new ArrayList<>());
      try (NovaKernel k = boot(2)) {
        k.runRoot((sys, ip, arg) -> {
          World w = new World(sys, 2);
          long done = w.semaphore(0);
          long handler = w.sel();
          check(sys.createEc(handler, ROOT_PD, 1, w.utcb(), 0, 0, false,
              (self, ip2, pid) -> handled.add("handled on CPU " + self.cpu())));
          check(sys.createPt(World.eventBase(0) + Event.GENERAL_PROTECTION, ROOT_PD, handler, 0, 0, crossCpu));
          AtomicLong runs = new AtomicLong();
          long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
            self.smUp(done);
            if (runs.incrementAndGet() == 1) {
              throw new IllegalStateException("fault"); // a handled fault restarts the code once
            }
          });
          check(sys.smDown(done, false, 0));
          long sm = w.semaphore(0);
          sys.smDown(sm, false, k.nanos() + 1_000_000);
          Ec victim = ecAt(k, ec);
          assertThat(victim.isDead()).isEqualTo(!crossCpu);
        }, Duration.ofSeconds(10));
      }
      assertThat(handled).isEqualTo(crossCpu ? List.of("handled on CPU 1") : List.of());
    }
  }

  @Test
  void item72_recallRaisesExactlyOneRecallBeforeTheEcRunsItsCodeAgain() {
    AtomicLong recalls = new AtomicLong();
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long go = w.semaphore(0);
        long done = w.semaphore(0);
        long handler = w.sel();
        check(sys.createEc(handler, ROOT_PD, 0, w.utcb(), 0, 0, false, (self, ip2, pid) -> {
          recalls.incrementAndGet();
          self.utcb().setMtd(0);
        }));
        check(sys.createPt(World.eventBase(0) + Event.RECALL, ROOT_PD, handler, 0, 0));
        long[] seenAtWake = {-1};
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          self.smDown(go, false, 0);
          seenAtWake[0] = recalls.get();
          self.smUp(done);
        });
        check(sys.ecCtrl(ec));
        check(sys.ecCtrl(ec)); // marking twice is still one recall
        check(sys.smUp(go));
        check(sys.smDown(done, false, 0));
        assertThat(seenAtWake[0]).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
    assertThat(recalls.get()).isEqualTo(1);
  }

  @Test
  void item73_ecCtrlWithoutTheCtrlPermissionIsBadCap() {
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {});
        check(sys.revoke(Crd.object(ec, 0, Perm.EC_CTRL), true));
        assertThat(sys.ecCtrl(ec)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.ecCtrl(0x7fff)).isEqualTo(Status.BAD_CAP);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item74_higherPrioritySmReadyPreemptsTheRunningLowerPriorityScAtItsNextEntry() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long wakeHigh = w.semaphore(0);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        AtomicLong lowSteps = new AtomicLong();
        w.global(0, 50, 10_000, (self, ip2, a) -> {
          self.smDown(wakeHigh, false, 0);
          log.add("high runs after low step " + lowSteps.get());
          self.smUp(done);
        });
        w.global(0, 10, 10_000, (self, ip2, a) -> {
          for (int i = 1; i <= 200; i++) {
            lowSteps.set(i);
            if (i == 100) {
              self.smUp(wakeHigh); // the high-priority EC becomes ready here
            } else {
              self.smUp(spin);
            }
          }
          self.smUp(done);
        });
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    // Low's up at step 100 makes high ready; low is preempted at that very kernel entry's exit.
    assertThat(log).containsExactly("high runs after low step 100");
  }

  @Test
  void item75_equalPrioritySchedulingContextsAlternateAfterEachFullQuantum() {
    List<Character> order = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        // A driver above both makes them ready together (the root's priority 1 would be starved).
        w.global(0, 20, 1000, (driver, ip2, a) -> {
          for (char name : new char[] {'A', 'B'}) {
            w.as(driver).global(0, 10, 100, (self, ip3, a3) -> {
              // 100 µs quantum = 1000 kernel entries of 100 ns each.
              for (int i = 0; i < 3000; i++) {
                if (order.isEmpty() || order.getLast() != name) {
                  order.add(name);
                }
                self.smUp(spin);
              }
              self.smUp(done);
            });
          }
        });
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(order).startsWith('A', 'B', 'A', 'B', 'A', 'B');
  }

  @Test
  void item76_preemptedScResumesBeforeItsLevelWithTheRemainderOfItsQuantum() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 1);
        long wakeHigh = w.semaphore(0);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        w.global(0, 50, 10_000, (self, ip2, a) -> {
          self.smDown(wakeHigh, false, 0);
          log.add("H");
          self.smUp(done);
        });
        w.global(0, 20, 1000, (driver, ip2, a) -> {
          for (char name : new char[] {'A', 'B'}) {
            w.as(driver).global(0, 10, 100, (self, ip3, a3) -> {
              for (int i = 0; i < 1500; i++) {
                if (log.isEmpty() || !log.getLast().equals(String.valueOf(name))) {
                  log.add(String.valueOf(name));
                }
                if (name == 'A' && i == 300) {
                  self.smUp(wakeHigh); // A is preempted here with 700 entries of quantum left
                } else {
                  self.smUp(spin);
                }
              }
              self.smUp(done);
            });
          }
        });
        for (int i = 0; i < 3; i++) {
          check(sys.smDown(done, false, 0));
        }
      }, Duration.ofSeconds(10));
    }
    // A runs, H preempts it, A resumes (not B) and finishes its quantum, then B gets its turn.
    assertThat(log).startsWith("A", "H", "A", "B");
  }

  @Test
  void item77and78_scCtrlReportsMonotonicMicrosAndNeedsTheCtrlPermission() {
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        long last = 0;
        for (int i = 0; i < 5; i++) {
          check(sys.scCtrl(ROOT_SC));
          assertThat(sys.out1()).isGreaterThanOrEqualTo(last);
          last = sys.out1();
          for (int j = 0; j < 100; j++) {
            sys.lookup(Crd.object(0, 0, 0));
          }
        }
        assertThat(last).isGreaterThanOrEqualTo(4 * 100 * HypercallGate.ENTRY_NANOS / 1000);
        // An SC capability has one permission, so one lacking it is the null capability: sc_ctrl on an
        // empty selector, and on a capability of another type, is BAD_CAP.
        assertThat(sys.scCtrl(0x7ff0)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.scCtrl(ROOT_PD)).isEqualTo(Status.BAD_CAP);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void ecMigratesToAnotherCpuAndRunsThere() {
    List<Integer> cpus = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 2);
        long go = w.semaphore(0);
        long done = w.semaphore(0);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          cpus.add(self.cpu());
          self.smDown(go, false, 0);
          cpus.add(self.cpu());
          self.smUp(done);
        });
        long sm = w.semaphore(0);
        sys.smDown(sm, false, k.nanos() + 1_000_000);
        check(sys.ecMigrate(ec, 1));
        assertThat(sys.ecMigrate(ec, 2)).isEqualTo(Status.BAD_CPU);
        check(sys.smUp(go));
        check(sys.smDown(done, false, 0));
        Ec migrated = ecAt(k, ec);
        assertThat(migrated.scs.getFirst().cpu.id).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
    assertThat(cpus).containsExactly(0, 1);
  }

  @Test
  void virtualTimeLetsASixtySecondTimeoutFinishInUnderASecondOfWallTime() {
    long wallStart = System.nanoTime();
    try (NovaKernel k = boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        long sm = 0x200;
        check(sys.createSm(sm, ROOT_PD, 0));
        long before = k.nanos();
        assertThat(sys.smDown(sm, false, before + 60_000_000_000L)).isEqualTo(Status.TIMEOUT);
        assertThat(k.nanos()).isGreaterThanOrEqualTo(before + 60_000_000_000L);
      }, Duration.ofSeconds(10));
    }
    assertThat(System.nanoTime() - wallStart).isLessThan(1_000_000_000L);
  }

  /** Several PDs, ECs, semaphores and timeouts on 4 CPUs; returns the scheduling trace hash. */
  static long workload(long seed, ExecutionMode mode) {
    return workload(seed, mode, null);
  }

  static long workload(long seed, ExecutionMode mode, @org.jspecify.annotations.Nullable List<String> log) {
    AtomicLong hash = new AtomicLong();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(4).withSeed(seed).withMode(mode))) {
      k.scheduler.traceLog = log;
      k.runRoot((sys, ip, arg) -> {
        World w = new World(sys, 4);
        long done = w.semaphore(0);
        long[] ping = new long[4];
        for (int i = 0; i < 4; i++) {
          ping[i] = w.semaphore(0);
        }
        long server = w.sel();
        check(sys.createPd(server, ROOT_PD, Crd.NULL));
        int ecs = 8;
        for (int i = 0; i < ecs; i++) {
          int me = i;
          w.global(i % 4, 5 + i % 3, 200, (self, ip2, a) -> {
            for (int round = 0; round < 30; round++) {
              self.smUp(ping[(me + 1) % 4]);
              self.smDown(ping[me % 4], false, k.nanos() + 5_000L * (me + 1));
            }
            self.smUp(done);
          });
        }
        for (int i = 0; i < ecs; i++) {
          check(sys.smDown(done, false, 0));
        }
        hash.set(k.traceHash()); // read by the root EC itself: a fixed point of the run
      }, Duration.ofSeconds(30));
    }
    return hash.get();
  }

  @Test
  void deterministicModeRepeatsTheSameTraceForTheSameSeedAndDiffersForAnother() {
    List<String> firstLog = new ArrayList<>();
    long first = workload(42, ExecutionMode.DETERMINISTIC, firstLog);
    for (int run = 1; run < 20; run++) {
      List<String> log = new ArrayList<>();
      long hash = workload(42, ExecutionMode.DETERMINISTIC, log);
      if (hash != first) {
        int i = 0;
        while (i < Math.min(log.size(), firstLog.size()) && log.get(i).equals(firstLog.get(i))) {
          i++;
        }
        int from = Math.max(0, i - 5);
        assertThat(log.subList(from, Math.min(log.size(), i + 5)))
            .as("run %d diverges from run 0 at event %d", run, i)
            .isEqualTo(firstLog.subList(from, Math.min(firstLog.size(), i + 5)));
      }
      assertThat(hash).as("run %d", run).isEqualTo(first);
    }
    assertThat(workload(43, ExecutionMode.DETERMINISTIC)).isNotEqualTo(first);
  }
}
