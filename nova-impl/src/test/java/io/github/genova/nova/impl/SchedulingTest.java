package io.github.genova.nova.impl;

import static io.github.genova.nova.impl.RootWorld.ROOT_SC;
import static io.github.genova.nova.impl.RootWorld.check;
import static io.github.genova.nova.impl.RootWorld.ecAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.Utcb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Checklist items 74–78 of nova-interface.md (priorities, round robin, quantum bookkeeping, SC time),
 * donation's time accounting, cross-CPU portal calls and EC migration (both extensions of Genode's fork).
 * Each kernel entry costs {@link HypercallGate#ENTRY_NANOS} of virtual time, so a 100 µs quantum is 1000
 * hypercalls.
 */
class SchedulingTest {
  @Test
  void item74_higherPriorityScBecomingReadyPreemptsTheRunningLowerPriorityScAtOnce() {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
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
            self.smUp(i == 100 ? wakeHigh : spin); // the high-priority EC becomes ready at step 100
          }
          self.smUp(done);
        });
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    // Low's up at step 100 makes high ready; low is preempted at that very hypercall's exit.
    assertThat(log).containsExactly("high runs after low step 100");
  }

  /**
   * Two ECs of priority 10 with a 100 µs quantum, made ready together; returns each turn as the name and
   * the step (one hypercall each) it began with.
   */
  private static List<String> twoEqualPriorityEcs(int steps, boolean highPreemptsA) {
    List<String> log = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long wakeHigh = w.semaphore(0);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        if (highPreemptsA) {
          w.global(0, 50, 10_000, (self, ip2, a) -> {
            self.smDown(wakeHigh, false, 0);
            log.add("H");
            self.smUp(done);
          });
        }
        // A driver above both makes them ready together (the root's priority 1 would be starved).
        w.global(0, 20, 1000, (driver, ip2, a) -> {
          for (String name : new String[] {"A", "B"}) {
            w.as(driver).global(0, 10, 100, (self, ip3, a3) -> {
              for (int i = 0; i < steps; i++) {
                if (log.isEmpty() || !log.getLast().startsWith(name)) {
                  log.add(name + "@" + i);
                }
                self.smUp(highPreemptsA && name.equals("A") && i == 300 ? wakeHigh : spin);
              }
              self.smUp(done);
            });
          }
        });
        for (int i = 0; i < (highPreemptsA ? 3 : 2); i++) {
          check(sys.smDown(done, false, 0));
        }
      }, Duration.ofSeconds(10));
    }
    return log;
  }

  @Test
  void item75_equalPrioritySCsAlternateAfterFullQuantum() {
    // 3000 steps of 100 ns: each EC needs three 100 µs quanta; an expired SC goes to the tail.
    assertThat(twoEqualPriorityEcs(3000, false))
        .containsExactly("A@0", "B@0", "A@1000", "B@1000", "A@2000", "B@2000");
  }

  @Test
  void item76_preemptedScResumesBeforeOtherScsOfItsLevelWithItsRemainingQuantum() {
    // A is preempted by H at step 300 of its 1000 steps per quantum; it resumes at the head of its level,
    // before B, and runs only the remaining 699 steps before B's turn (with a refilled quantum it would run
    // to step 1300); 1500 steps are then 1000 + 500.
    List<String> log = twoEqualPriorityEcs(1500, true);
    assertThat(log).containsExactly("A@0", "H", "A@301", "B@0", "A@1000", "B@1000");
  }

  @Test
  void item77_scCtrlReturnsMonotonicallyNonDecreasingConsumedTimeInMicroseconds() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long last = 0;
        for (int i = 0; i < 5; i++) {
          check(sys.scCtrl(ROOT_SC));
          assertThat(sys.out1()).isGreaterThanOrEqualTo(last);
          last = sys.out1();
          for (int j = 0; j < 1000; j++) {
            sys.lookup(Crd.object(0, 0, 0));
          }
          w.pause(10_000_000); // blocked time is not consumed time
        }
        check(sys.scCtrl(ROOT_SC));
        // 5000 lookups of 100 ns each = 500 µs; the 50 ms of pauses do not count.
        assertThat(sys.out1()).isBetween(500L, 600L);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item78_scCtrlOnAnScCapLackingItsCtrlPermissionIsBadCap() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {});
        check(sys.scCtrl(ec + 1));
        // An SC capability has one permission (ctrl), so taking it leaves the null capability.
        check(sys.revoke(Crd.object(ec + 1, 0, Perm.SC_CTRL), true));
        assertThat(sys.scCtrl(ec + 1)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.scCtrl(0x7ff0)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.scCtrl(RootWorld.ROOT_PD)).isEqualTo(Status.BAD_CAP);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void scCtrlOnTheIdleScsGivesEachCpusIdleTime() {
    try (NovaKernel k = RootWorld.boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        // The idle SCs are selectors 0 and 1 of the kernel PD: the root task takes them with a host item.
        long grant = w.local(0, (self, ip2, pid) -> {
          self.utcb().setCounts(0, 0);
          self.utcb().appendDelegate(Crd.object(0, 1, Perm.SC_CTRL), 0, Utcb.ITEM_HOST);
        });
        long idle = 0x900;
        sys.utcb().setDelegateWindow(Crd.object(idle, 1, 0x1f));
        sys.utcb().setCounts(0, 0);
        check(sys.call(w.portal(grant, false)));
        long[] before = new long[2];
        for (int cpu = 0; cpu < 2; cpu++) {
          check(sys.scCtrl(idle + cpu));
          before[cpu] = sys.out1();
        }
        // CPU 1 runs a spinner for about 500 µs of a 2 ms pause; CPU 0 idles while the root waits.
        long spin = w.semaphore(0);
        w.global(1, 5, 10_000, (self, ip2, a) -> {
          for (int i = 0; i < 5000; i++) {
            self.smUp(spin);
          }
        });
        w.pause(2_000_000);
        check(sys.scCtrl(idle));
        assertThat(sys.out1() - before[0]).isBetween(1900L, 2050L);
        check(sys.scCtrl(idle + 1));
        assertThat(sys.out1() - before[1]).isBetween(1400L, 1600L);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void donatedTimeIsChargedToTheDonorsSc() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long worker = w.global(0, 5, 1000, (self, ip2, a) -> {});
        long server = w.local(0, (self, ip2, pid) -> {
          for (int i = 0; i < 2000; i++) {
            self.lookup(Crd.object(0, 0, 0)); // 200 µs of the caller's time
          }
        });
        long pt = w.portal(server, false);
        check(sys.scCtrl(worker + 1));
        long workerBefore = sys.out1();
        check(sys.scCtrl(ROOT_SC));
        long before = sys.out1();
        check(sys.call(pt));
        check(sys.scCtrl(ROOT_SC));
        assertThat(sys.out1() - before).isBetween(200L, 210L);
        check(sys.scCtrl(worker + 1));
        assertThat(sys.out1()).isEqualTo(workerBefore);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void crossCpuCallRunsTheCalleeOnItsCpuFreesTheCallersCpuAndChargesTheCaller() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    long[] callerSel = {0};
    long[] lowProgressDuringCall = {0};
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2).withTrace(trace::add))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        AtomicLong lowProgress = new AtomicLong();
        long server = w.local(1, (self, ip2, pid) -> {
          long before = lowProgress.get();
          for (int i = 0; i < 1000; i++) {
            self.smUp(spin); // 100 µs of work on CPU 1
          }
          lowProgressDuringCall[0] = lowProgress.get() - before;
        });
        long pt = w.portal(server, true);
        // A driver above both makes the caller (prio 5) and a low EC (prio 2) ready together on CPU 0.
        w.global(0, 20, 1000, (driver, ip2, a) -> {
          callerSel[0] = w.as(driver).global(0, 5, 10_000, (self, ip3, a3) -> {
            check(self.call(pt));
            self.smUp(done);
          });
          w.as(driver).global(0, 2, 10_000, (self, ip3, a3) -> {
            while (lowProgress.incrementAndGet() < 3000) {
              self.smUp(spin);
            }
            self.smUp(done);
          });
        });
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
        check(sys.scCtrl(callerSel[0] + 1));
        assertThat(sys.out1()).as("the caller's SC carries the callee's 100 µs").isGreaterThanOrEqualTo(100);
        long callerId = ecAt(k, callerSel[0]).id;
        assertThat(trace).anyMatch(e -> e.kind() == TraceEvent.Kind.CROSS_CPU && e.ec() == callerId
            && e.cpu() == 1 && e.detail() == 0);
        assertThat(RootWorld.eventsOf(trace, TraceEvent.Kind.DISPATCH, callerId))
            .extracting(TraceEvent::cpu).contains(0, 1);
      }, Duration.ofSeconds(10));
    }
    // With the callee on CPU 1, CPU 0 was free for the low-priority EC during the call.
    assertThat(lowProgressDuringCall[0]).isPositive();
  }

  @Test
  void migratedBlockedEcWakesAndRunsOnItsNewCpu() {
    List<Integer> cpus = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long go = w.semaphore(0);
        long done = w.semaphore(0);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          cpus.add(self.cpu());
          self.smDown(go, false, 0);
          cpus.add(self.cpu());
          self.smUp(done);
        });
        w.pause(1_000_000);
        check(sys.ecMigrate(ec, 1));
        assertThat(sys.ecMigrate(ec, 2)).isEqualTo(Status.BAD_CPU);
        assertThat(sys.ecMigrate(0x7ff0, 1)).isEqualTo(Status.BAD_CAP);
        check(sys.smUp(go));
        check(sys.smDown(done, false, 0));
        assertThat(ecAt(k, ec).scs.getFirst().cpu.id).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
    assertThat(cpus).containsExactly(0, 1);
  }

  @Test
  void runningEcMigratedByAnotherCpuContinuesOnTheNewCpuAndFreesTheOld() {
    AtomicLong lowProgressAtMigration = new AtomicLong(-1);
    List<Integer> spinnerCpusAfter = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        AtomicLong lowProgress = new AtomicLong();
        boolean[] migrated = {false};
        long[] spinnerSel = {0};
        w.global(0, 20, 1000, (driver, ip2, a) -> {
          // The spinner (prio 5) holds CPU 0 and starves the low EC (prio 2) there, until it is moved.
          spinnerSel[0] = w.as(driver).global(0, 5, 10_000, (self, ip3, a3) -> {
            int after = 0;
            while (after < 100) {
              self.smUp(spin);
              if (migrated[0]) {
                spinnerCpusAfter.add(self.cpu());
                after++;
              }
            }
            self.smUp(done);
          });
          w.as(driver).global(0, 2, 10_000, (self, ip3, a3) -> {
            while (lowProgress.incrementAndGet() < 100) {
              self.smUp(spin);
            }
            self.smUp(done);
          });
          // The migrator on CPU 1 lets the spinner run a while, then moves it to its own CPU.
          w.as(driver).global(1, 3, 10_000, (self, ip3, a3) -> {
            w.as(self).pause(50_000);
            lowProgressAtMigration.set(lowProgress.get());
            check(self.ecMigrate(spinnerSel[0], 1));
            migrated[0] = true;
          });
        });
        check(sys.smDown(done, false, 0));
        check(sys.smDown(done, false, 0));
        assertThat(ecAt(k, spinnerSel[0]).scs.getFirst().cpu.id).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
    assertThat(lowProgressAtMigration.get()).isZero();
    assertThat(spinnerCpusAfter).hasSize(100).containsOnly(1);
  }

  @Test
  void migratedLocalEcAcceptsCallsFromItsNewCpu() {
    try (NovaKernel k = RootWorld.boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        AtomicLong served = new AtomicLong();
        long local = w.local(1, (self, ip2, pid) -> served.incrementAndGet());
        long pt = w.portal(local, false);
        assertThat(sys.call(pt)).isEqualTo(Status.BAD_CPU); // the root runs on CPU 0
        check(sys.ecMigrate(local, 0));
        check(sys.call(pt));
        assertThat(served.get()).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void ecMigratingItselfIsOnTheNewCpuWhenTheCallReturns() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2).withTrace(trace::add))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        long go = w.semaphore(0);
        long[] self = {0};
        int[] seen = {-1};
        self[0] = w.global(0, 5, 10_000, (me, ip2, a) -> {
          me.smDown(go, false, 0);
          check(me.ecMigrate(self[0], 1));
          Sc sc = ecAt(k, self[0]).scs.getFirst();
          seen[0] = sc.cpu.id;
          assertThat(k.scheduler.cpu(1).current).isSameAs(sc);
          assertThat(k.scheduler.cpu(0).current).isNotSameAs(sc);
          me.smUp(done);
        });
        check(sys.smUp(go));
        check(sys.smDown(done, false, 0));
        assertThat(seen[0]).isEqualTo(1);
        long id = ecAt(k, self[0]).id;
        assertThat(RootWorld.eventsOf(trace, TraceEvent.Kind.MIGRATE, id)).singleElement()
            .satisfies(e -> assertThat(e.detail()).isEqualTo(1));
      }, Duration.ofSeconds(10));
    }
  }
}
