package io.github.genova.nova.impl;

import static io.github.genova.nova.impl.RootWorld.ROOT_PD;
import static io.github.genova.nova.impl.RootWorld.check;
import static io.github.genova.nova.impl.RootWorld.ecAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Event;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Mtd;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Checklist items 63–65 and 68–73 of nova-interface.md (STARTUP, exceptions, RECALL), Java exceptions of
 * host code as exception events, and the cross-CPU exception handler (the opt-in extension). The page-fault
 * items 66, 67 and 69 are in {@link HostMemoryTest}.
 */
class EventTest {
  @Test
  void item63_globalEcRaisesStartupThroughSelEvtPlus0x1eWhenItsFirstScIsBoundAndNotBefore() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long done = w.semaphore(0);
        long handler = w.local(0, (self, ip2, pid) -> {
          events.add("startup sp=" + self.utcb().sp() + " pid=" + pid);
          self.utcb().setMtd(Mtd.RIP_LEN);
          self.utcb().setIp(0x2000);
        });
        long base = 0x300;
        check(sys.createPt(base + Event.STARTUP, ROOT_PD, handler, Mtd.RSP, 0));
        check(sys.ptCtrl(base + Event.STARTUP, 0x1e));
        long ec = w.sel();
        check(sys.createEc(ec, ROOT_PD, 0, w.utcb(), 0xbeef, base, true, (self, ip2, a) -> {
          events.add("run ip=0x" + Long.toHexString(ip2));
          self.smUp(done);
        }));
        w.pause(1_000_000); // an EC without SC never runs, however long others wait
        events.add("created");
        check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(5, 1000)));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(events).containsExactly("created", "startup sp=48879 pid=30", "run ip=0x2000");
  }

  @Test
  @Disabled("item 64 needs a vCPU, and the simulated machine offers neither VMX nor SVM: create_ec with "
      + "utcb = 0 answers BAD_FTR (item 8). STARTUP through SEL_EVT + 0xfe becomes testable with the VMX model.")
  void item64_vcpuRaisesStartupThroughSelEvtPlus0xfe() {}

  @Test
  void item65_localEcNeverRunsWithoutAnIncomingCall() {
    AtomicLong runs = new AtomicLong();
    try (NovaKernel k = RootWorld.boot(2)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long local = w.local(1, (self, ip2, pid) -> runs.incrementAndGet());
        long pt = w.portal(local, true);
        w.pause(1_000_000_000L); // a second of kernel time with both CPUs free
        assertThat(runs.get()).isZero();
        check(sys.call(pt));
        assertThat(runs.get()).isEqualTo(1);
        w.pause(1_000_000_000L);
        assertThat(runs.get()).isEqualTo(1);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item68_replyMtdSelectsWhatIsWrittenBackAndMtdZeroChangesNothing() {
    List<String> starts = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long done = w.semaphore(0);
        long[] mtd = {0};
        long handler = w.local(0, (self, ip2, pid) -> {
          self.utcb().setMtd(mtd[0]);
          self.utcb().setIp(0x7777);
          self.utcb().setGpr(7, 0x55); // RDI: only written back with GPR_BSD
        });
        long base = 0x600;
        check(sys.createPt(base + Event.STARTUP, ROOT_PD, handler, 0, 0));
        for (long m : new long[] {0, Mtd.RIP_LEN, Mtd.RIP_LEN | Mtd.GPR_BSD}) {
          mtd[0] = m;
          long ec = w.sel();
          check(sys.createEc(ec, ROOT_PD, 0, w.utcb(), 0, base, true, (self, ip2, a) -> {
            starts.add(Long.toHexString(ip2) + "/" + Long.toHexString(a));
            self.smUp(done);
          }));
          check(sys.createSc(ec + 1, ROOT_PD, ec, new Qpd(5, 1000)));
          check(sys.smDown(done, false, 0));
        }
      }, Duration.ofSeconds(10));
    }
    assertThat(starts).containsExactly("0/0", "7777/0", "7777/55");
  }

  @Test
  void item70_exceptionWhoseSelEvtSlotHoldsNoPortalKillsTheEc() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long done = w.semaphore(0);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          self.smUp(done);
          throw new IllegalStateException("boom"); // #GP, and event base + 0x0d holds no portal
        });
        check(sys.smDown(done, false, 0));
        w.pause(1_000_000); // let it run into its fault
        Ec victim = ecAt(k, ec);
        assertThat(victim.isDead()).isTrue();
        assertThat(victim.deathReason()).contains("no portal for event 0xd");
      }, Duration.ofSeconds(10));
    }
  }

  /** A global EC on CPU 0 faults (#GP) once; its handler sits on CPU 1. Returns what the handler saw. */
  private static List<String> faultWithHandlerOnCpu1(boolean crossCpuPermission, List<TraceEvent> trace,
      boolean[] deadAfter, long[] lowProgressDuringHandler) {
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2).withTrace(trace::add))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        AtomicLong lowProgress = new AtomicLong();
        long handler = w.local(1, (self, ip2, pid) -> {
          long before = lowProgress.get();
          for (int i = 0; i < 500; i++) {
            self.smUp(spin); // 500 kernel entries of handler work
          }
          lowProgressDuringHandler[0] = lowProgress.get() - before;
          handled.add("handled");
          self.utcb().setMtd(Mtd.RIP_LEN);
          self.utcb().setIp(0x2000);
        });
        check(sys.createPt(RootWorld.eventBase(0) + Event.GENERAL_PROTECTION, ROOT_PD, handler, Mtd.RIP_LEN, 0,
            crossCpuPermission));
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          if (ip2 == 0x1000) {
            throw new IllegalStateException("fault"); // #GP at the start
          }
          self.smUp(done); // resumed at the IP the handler replied
        });
        // A low-priority EC on CPU 0 counts its steps; it runs only while CPU 0 is not used by prio 5.
        w.global(0, 2, 1000, (self, ip2, a) -> {
          while (lowProgress.incrementAndGet() < 5000) {
            self.smUp(spin);
          }
        });
        if (crossCpuPermission) {
          check(sys.smDown(done, false, 0));
        } else {
          w.pause(1_000_000);
        }
        deadAfter[0] = ecAt(k, ec).isDead();
      }, Duration.ofSeconds(10));
    }
    return handled;
  }

  @Test
  void item71_exceptionWhoseHandlerIsBoundToAnEcOnAnotherCpuKillsTheEc() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    boolean[] dead = {false};
    List<String> handled = faultWithHandlerOnCpu1(false, trace, dead, new long[1]);
    assertThat(handled).isEmpty();
    assertThat(dead[0]).isTrue();
  }

  @Test
  void crossCpuExceptionHandlerWithTheXcpuPermissionHandlesTheFaultOnItsOwnCpu() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    boolean[] dead = {true};
    long[] lowProgress = {0};
    List<String> handled = faultWithHandlerOnCpu1(true, trace, dead, lowProgress);
    assertThat(handled).containsExactly("handled");
    assertThat(dead[0]).isFalse();
    // The handler ran on CPU 1, so the faulting EC's CPU 0 was free for the low-priority EC meanwhile.
    assertThat(lowProgress[0]).isPositive();
    synchronized (trace) {
      assertThat(trace).anyMatch(e -> e.kind() == TraceEvent.Kind.CROSS_CPU && e.cpu() == 1 && e.detail() == 0);
    }
  }

  @Test
  void item72_ecCtrlMakesTheTargetRaiseExactlyOneRecallBeforeItRunsItsCodeAgain() {
    AtomicLong recalls = new AtomicLong();
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withTrace(trace::add))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long go = w.semaphore(0);
        long done = w.semaphore(0);
        long handler = w.local(0, (self, ip2, pid) -> {
          recalls.incrementAndGet();
          self.utcb().setMtd(0);
        });
        check(sys.createPt(RootWorld.eventBase(0) + Event.RECALL, ROOT_PD, handler, 0, 0));
        long[] seenAtWake = {-1};
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {
          self.smDown(go, false, 0);
          seenAtWake[0] = recalls.get();
          self.smUp(done);
        });
        check(sys.ecCtrl(ec));
        check(sys.ecCtrl(ec)); // marking twice is still one recall
        assertThat(recalls.get()).isZero(); // blocked: it recalls when it leaves the kernel
        check(sys.smUp(go));
        check(sys.smDown(done, false, 0));
        assertThat(seenAtWake[0]).isEqualTo(1);
        assertThat(RootWorld.eventsOf(trace, TraceEvent.Kind.EVENT, ecAt(k, ec).id))
            .extracting(TraceEvent::detail)
            .containsExactly((long) Event.STARTUP, (long) Event.RECALL);
      }, Duration.ofSeconds(10));
    }
    assertThat(recalls.get()).isEqualTo(1);
  }

  @Test
  void recallOfAnEcRunningOnAnotherCpuIsRaisedAtItsNextKernelEntry() {
    AtomicLong recalls = new AtomicLong();
    AtomicLong stepsAfterRecall = new AtomicLong();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long done = w.semaphore(0);
        long spin = w.semaphore(0);
        long handler = w.local(1, (self, ip2, pid) -> recalls.incrementAndGet());
        check(sys.createPt(RootWorld.eventBase(1) + Event.RECALL, ROOT_PD, handler, 0, 0));
        long spinner = w.global(1, 5, 1000, (self, ip2, a) -> {
          while (recalls.get() == 0) {
            self.smUp(spin); // each hypercall is a kernel entry where a recall can be raised
          }
          for (int i = 0; i < 10; i++) {
            self.smUp(spin);
            stepsAfterRecall.incrementAndGet();
          }
          self.smUp(done);
        });
        w.pause(20_000); // the spinner runs on CPU 1 meanwhile
        assertThat(recalls.get()).isZero();
        check(sys.ecCtrl(spinner));
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(recalls.get()).isEqualTo(1);
    assertThat(stepsAfterRecall.get()).isEqualTo(10);
  }

  @Test
  void item73_ecCtrlOnAnEcCapLackingTheCtrlPermissionIsBadCap() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long ec = w.global(0, 5, 1000, (self, ip2, a) -> {});
        check(sys.revoke(Crd.object(ec, 0, Perm.EC_CTRL), true));
        assertThat(sys.lookupCrd(Crd.object(ec, 0, 0)).perms()).isEqualTo(Perm.EC_FRESH & ~Perm.EC_CTRL);
        assertThat(sys.ecCtrl(ec)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.ecCtrl(0x7fff)).isEqualTo(Status.BAD_CAP);
        assertThat(sys.ecCtrl(w.semaphore(0))).isEqualTo(Status.BAD_CAP);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void javaExceptionsOfHostCodeBecomeTheMappedExceptionEventsAndTheReplyRestartsTheEc() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long done = w.semaphore(0);
        for (int event : new int[] {Event.DIVIDE_ERROR, Event.INVALID_OPCODE, Event.BREAKPOINT,
            Event.GENERAL_PROTECTION}) {
          long handler = w.local(0, (self, ip2, pid) -> {
            seen.add("event 0x" + Integer.toHexString(event) + " at ip 0x" + Long.toHexString(self.utcb().ip()));
            self.utcb().setMtd(Mtd.RIP_LEN);
            self.utcb().setIp(self.utcb().ip() + 0x1000);
          });
          check(sys.createPt(RootWorld.eventBase(0) + event, ROOT_PD, handler, Mtd.RIP_LEN, 0));
        }
        w.global(0, 5, 1000, (self, ip2, a) -> {
          switch ((int) ip2) {
            case 0x1000 -> {
              int zero = 0;
              seen.add("result " + 1 / zero);
            }
            case 0x2000 -> throw new UnsupportedOperationException("ud");
            case 0x3000 -> throw new AssertionError("bp");
            case 0x4000 -> throw new IllegalStateException("gp");
            default -> self.smUp(done);
          }
        });
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(seen).containsExactly("event 0x0 at ip 0x1000", "event 0x6 at ip 0x2000",
        "event 0x3 at ip 0x3000", "event 0xd at ip 0x4000");
  }

  @Test
  void javaExceptionInALocalEcWithoutHandlerKillsItAndItsCallerGetsAborted() {
    try (NovaKernel k = RootWorld.boot(1)) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 1);
        long local = w.local(0, (self, ip2, pid) -> {
          throw new IllegalArgumentException("bad request");
        });
        long pt = w.portal(local, false);
        assertThat(sys.call(pt)).isEqualTo(Status.ABORTED);
        assertThat(ecAt(k, local).isDead()).isTrue();
        assertThat(ecAt(k, local).deathReason()).contains("no portal for event 0xd");
      }, Duration.ofSeconds(10));
    }
  }
}
