package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void rootCallsPortalOfLocalEcInChildPd() {
    AtomicLong seen = new AtomicLong();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults())) {
      k.runRoot((sys, ip, arg) -> {
        assertThat(sys.createPd(100, 32, Crd.object(0, 0, 0))).isEqualTo(Status.SUCCESS);
        assertThat(sys.createEc(101, 100, 0, 0x1000, 0, 0, false, (self, ip2, pid) -> {
          seen.set(pid);
          self.utcb().setMessage(self.utcb().word(0) * 2);
        })).isEqualTo(Status.SUCCESS);
        assertThat(sys.createPt(102, 32, 101, 0, 0x4000)).isEqualTo(Status.SUCCESS);
        assertThat(sys.ptCtrl(102, 77)).isEqualTo(Status.SUCCESS);
        sys.utcb().setMessage(21);
        assertThat(sys.call(102)).isEqualTo(Status.SUCCESS);
        assertThat(sys.utcb().word(0)).isEqualTo(42);
        assertThat(sys.lookupCrd(Crd.object(102, 0, 0))).isEqualTo(Crd.object(102, 0, Perm.PT_FRESH));
      }, Duration.ofSeconds(10));
    }
    assertThat(seen.get()).isEqualTo(77);
  }
}
