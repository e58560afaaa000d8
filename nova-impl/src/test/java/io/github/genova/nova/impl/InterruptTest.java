package io.github.genova.nova.impl;

import static io.github.genova.nova.impl.RootWorld.check;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.Utcb;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Interrupt lines signal the kernel's GSI semaphores on the CPU {@code assign_gsi} routed them to. */
class InterruptTest {
  private static final int GSI = 5;

  /** Gets the kernel's interrupt semaphore of {@link #GSI} into the root PD (a host delegate item). */
  private static long grantGsiSemaphore(RootWorld w) {
    long grant = w.local(0, (self, ip, pid) -> {
      Utcb u = self.utcb();
      u.setCounts(0, 0);
      u.appendDelegate(Crd.object(NovaKernel.GSI_SELECTOR_BASE + GSI, 0, Perm.SM_UP | Perm.SM_DOWN), 0,
          Utcb.ITEM_HOST);
    });
    long pt = w.portal(grant, false);
    long sm = w.sel();
    w.sys.utcb().setDelegateWindow(Crd.object(sm, 0, 0x1f));
    w.sys.utcb().setCounts(0, 0);
    check(w.sys.call(pt));
    assertThat(w.sys.lookupCrd(Crd.object(sm, 0, 0)).perms()).isEqualTo(Perm.SM_UP | Perm.SM_DOWN);
    return sm;
  }

  @Test
  void routedInterruptWakesTheDriverAndIsTakenOnTheCpuAssignGsiNamed() {
    List<TraceEvent> trace = Collections.synchronizedList(new ArrayList<>());
    AtomicLong wakeUps = new AtomicLong();
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2).withTrace(trace::add))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long irq = grantGsiSemaphore(w);
        long done = w.semaphore(0);
        check(sys.assignGsi(irq, 0, 1));
        assertThat(sys.out1()).isEqualTo(0xfee0_1000L); // MSI address naming CPU 1
        assertThat(sys.out2()).isEqualTo(NovaKernel.GSI_VECTOR_BASE + GSI);
        w.global(1, 10, 1000, (self, ip2, a) -> {
          for (int i = 0; i < 3; i++) {
            check(self.smDown(irq, false, 0));
            wakeUps.incrementAndGet();
          }
          self.smUp(done);
        });
        for (int i = 0; i < 3; i++) {
          w.pause(10_000); // the driver blocks in its down
          assertThat(wakeUps.get()).isEqualTo(i);
          k.machine().interrupts().raise(GSI); // the device fires
        }
        check(sys.smDown(done, false, 0));
      }, Duration.ofSeconds(10));
    }
    assertThat(wakeUps.get()).isEqualTo(3);
    synchronized (trace) {
      assertThat(trace.stream().filter(e -> e.kind() == TraceEvent.Kind.INTERRUPT))
          .hasSize(3)
          .allMatch(e -> e.cpu() == 1 && e.detail() == GSI && e.ec() == -1);
    }
  }

  @Test
  void linesStartMaskedAndAnInterruptBeforeRoutingIsHeldUntilAssignGsi() {
    try (NovaKernel k = NovaKernel.boot(KernelConfig.defaults().withCpus(2))) {
      k.runRoot((sys, ip, arg) -> {
        RootWorld w = new RootWorld(k, sys, 2);
        long irq = grantGsiSemaphore(w);
        Sm sm = (Sm) java.util.Objects.requireNonNull(k.rootPd.object(irq, Kobject.Type.SM, 0));
        assertThat(k.machine().interrupts().isMasked(GSI)).isTrue();
        k.machine().interrupts().raise(GSI);
        assertThat(sm.counter()).isZero();
        check(sys.assignGsi(irq, 0, 0));
        assertThat(sm.counter()).isEqualTo(1); // delivered once the line was routed and enabled
        check(sys.smDown(irq, false, 0));
      }, Duration.ofSeconds(10));
    }
  }
}
