package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A destroyed EC gives its UTCB frame back to the kernel once none of its code can touch the page, so an
 * unprivileged PD that creates and destroys ECs cannot exhaust the kernel's memory.
 */
class UtcbReclaimTest {
  private static final long ROOT_PD = 32;
  private static final long PD = 100;
  private static final long WORKER = 101;
  private static final long WORKER_PT = 102;
  /** In the unprivileged PD: its own PD capability, and where its worker creates ECs. */
  private static final long OWN_PD = 0;
  private static final long SCRATCH = 0x10;

  @Test
  void unprivilegedPdCreatesAndDestroysMoreEcsThanTheKernelHasFrames() {
    List<String> problems = new ArrayList<>();
    AtomicLong created = new AtomicLong();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      long rounds = k.kernelFramesAvailable() + 100;
      k.runRoot((sys, ip, arg) -> {
        assertThat(sys.createPd(PD, ROOT_PD, Crd.object(PD, 0, Perm.ALL))).isEqualTo(Status.SUCCESS);
        assertThat(sys.createEc(WORKER, PD, 0, 0x1000, 0, 0, false, (self, ip2, pid) -> {
          for (long i = 0; i < rounds; i++) {
            boolean global = i % 3 == 0; // a global EC without an SC never starts: its frame goes back at once
            Status s = self.createEc(SCRATCH, OWN_PD, 0, 0x2000, 0, 0, global, (ec, ip3, pid3) -> { });
            if (s != Status.SUCCESS) {
              problems.add("create_ec " + i + " of " + rounds + ": " + s);
              return;
            }
            created.incrementAndGet();
            self.revoke(Crd.object(SCRATCH, 0, Perm.ALL), true);
          }
        })).isEqualTo(Status.SUCCESS);
        assertThat(sys.createPt(WORKER_PT, ROOT_PD, WORKER, 0, 0)).isEqualTo(Status.SUCCESS);
        sys.utcb().setCounts(0, 0);
        assertThat(sys.call(WORKER_PT)).isEqualTo(Status.SUCCESS);
      }, Duration.ofSeconds(60));
      assertThat(problems).isEmpty();
      assertThat(created.get()).isEqualTo(rounds);
    }
  }

  @Test
  void neverStartedGlobalEcGivesItsFrameBackAtOnceAndLosesItsMapping() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        assertThat(sys.createPd(PD, ROOT_PD, Crd.NULL)).isEqualTo(Status.SUCCESS);
        long before = k.kernelFramesAvailable();
        assertThat(sys.createEc(111, PD, 0, 0x1000, 0, 0x40, true, null)).isEqualTo(Status.SUCCESS);
        assertThat(k.kernelFramesAvailable()).isEqualTo(before - 1);
        assertThat(sys.revoke(Crd.object(111, 0, Perm.ALL), true)).isEqualTo(Status.SUCCESS);
        assertThat(k.kernelFramesAvailable()).as("never started: back at once").isEqualTo(before);
        Pd pd = (Pd) java.util.Objects.requireNonNull(k.rootPd.object(PD, Kobject.Type.PD, 0));
        assertThat(pd.memory.get(1)).as("the UTCB mapping is gone").isNull();
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void localEcDestroyedDuringItsCallGivesItsFrameBackWhenTheCallHasUnwound() {
    AtomicLong duringCall = new AtomicLong(-1);
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        // A helper in the root PD revokes the server's capabilities while the server is in a call.
        assertThat(sys.createEc(110, ROOT_PD, 0, 0x5000_0000L, 0, 0, false, (self, ip2, pid) -> {
          self.revoke(Crd.object(WORKER, 0, Perm.ALL), true);
          self.revoke(Crd.object(WORKER_PT, 0, Perm.ALL), true);
          duringCall.set(k.kernelFramesAvailable());
        })).isEqualTo(Status.SUCCESS);
        assertThat(sys.createPt(111, ROOT_PD, 110, 0, 0)).isEqualTo(Status.SUCCESS);
        // The server PD gets the helper's portal at its selector 0.
        assertThat(sys.createPd(PD, ROOT_PD, Crd.object(111, 0, Perm.ALL))).isEqualTo(Status.SUCCESS);
        long before = k.kernelFramesAvailable();
        assertThat(sys.createEc(WORKER, PD, 0, 0x1000, 0, 0, false, (self, ip2, pid) -> {
          self.utcb().setCounts(0, 0);
          self.call(0); // the server dies in here: its code unwinds at this kernel exit
          self.utcb().setMessage(1, 2, 3); // never reached
        })).isEqualTo(Status.SUCCESS);
        assertThat(sys.createPt(WORKER_PT, ROOT_PD, WORKER, 0, 0)).isEqualTo(Status.SUCCESS);
        sys.utcb().setCounts(0, 0);
        assertThat(sys.call(WORKER_PT)).isEqualTo(Status.ABORTED);
        assertThat(duringCall.get()).as("the frame stays while the server's code runs").isEqualTo(before - 1);
        assertThat(k.kernelFramesAvailable()).as("back once its call unwound").isEqualTo(before);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void globalEcWhoseThreadEndedGivesItsFrameBackWhenDestroyed() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        assertThat(sys.createPd(PD, ROOT_PD, Crd.NULL)).isEqualTo(Status.SUCCESS);
        assertThat(sys.createSm(110, ROOT_PD, 0)).isEqualTo(Status.SUCCESS);
        long before = k.kernelFramesAvailable();
        // No STARTUP portal: the EC is killed when its SC starts it; its thread then ends.
        assertThat(sys.createEc(111, PD, 0, 0x1000, 0, 0x40, true, (self, ip2, a) -> { }))
            .isEqualTo(Status.SUCCESS);
        assertThat(sys.createSc(112, ROOT_PD, 111, Qpd.DEFAULT)).isEqualTo(Status.SUCCESS);
        assertThat(sys.smDown(110, false, k.nanos() + 1_000_000)).isEqualTo(Status.TIMEOUT); // let it run
        assertThat(sys.revoke(Crd.object(112, 0, Perm.ALL), true)).isEqualTo(Status.SUCCESS);
        assertThat(sys.revoke(Crd.object(111, 0, Perm.ALL), true)).isEqualTo(Status.SUCCESS);
        for (int i = 0; i < 1000 && k.kernelFramesAvailable() != before; i++) {
          sys.smDown(110, false, k.nanos() + 1_000); // its thread finishes unwinding meanwhile
        }
        assertThat(k.kernelFramesAvailable()).isEqualTo(before);
      }, Duration.ofSeconds(10));
    }
  }

  @Test
  void item11_utcbAddressOfALocalEcDestroyedWithItsPortalIsFreeForANewEc() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        long utcb = 0x5000_0000L;
        for (int round = 0; round < 3; round++) {
          AtomicLong calls = new AtomicLong();
          assertThat(sys.createEc(110, ROOT_PD, 0, utcb, 0, 0, false, (self, ip2, pid) -> calls.incrementAndGet()))
              .as("create_ec at the same UTCB address, round " + round).isEqualTo(Status.SUCCESS);
          assertThat(sys.createEc(112, ROOT_PD, 0, utcb, 0, 0, false, null))
              .as("while the EC lives its UTCB address is taken").isEqualTo(Status.BAD_PAR);
          assertThat(sys.createPt(111, ROOT_PD, 110, 0, 0)).isEqualTo(Status.SUCCESS);
          sys.utcb().setCounts(0, 0);
          assertThat(sys.call(111)).isEqualTo(Status.SUCCESS);
          assertThat(calls.get()).isEqualTo(1);
          assertThat(sys.revoke(Crd.object(111, 0, Perm.ALL), true)).isEqualTo(Status.SUCCESS);
          assertThat(sys.revoke(Crd.object(110, 0, Perm.ALL), true)).isEqualTo(Status.SUCCESS);
        }
      }, Duration.ofSeconds(10));
    }
  }
}
