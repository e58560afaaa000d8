package io.github.genova.nova.impl.conformance;

import static io.github.genova.nova.impl.conformance.Nova.MILLISECOND;
import static io.github.genova.nova.impl.conformance.Nova.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hip;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.impl.KernelProbe;
import io.github.genova.nova.impl.NovaKernel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checklist items 79–82: interrupt semaphores, assign_gsi, the root PD's boot state and the HIP. */
class InterruptBootConformanceTest {
  /** Kernel selector of the interrupt semaphore of GSI 0 (after the idle SCs of up to 64 CPUs). */
  private static final long GSI_BASE = 64;

  @Test
  void item79_anInterruptUpsTheGsiSemaphoreAndWakesTheDriverBlockedInDown() {
    try (Nova n = Nova.boot()) {
      int gsi = 3;
      long irq = n.fromKernel(GSI_BASE + gsi, Perm.SM_UP | Perm.SM_DOWN);
      List<String> log = Collections.synchronizedList(new ArrayList<>());
      n.global(0, 10, (self, ip, arg) -> {
        for (int i = 0; i < 3; i++) {
          log.add("wait");
          ok(self.smDown(irq, false, 0));
          log.add("irq");
        }
      });
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("wait");
      n.kernel.machine().interrupts().raise(gsi);
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("wait", "irq", "wait");
      // Another GSI does not wake it.
      n.kernel.machine().interrupts().raise(gsi + 1);
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("wait", "irq", "wait");
      n.kernel.machine().interrupts().raise(gsi);
      n.sleep(MILLISECOND);
      assertThat(log).containsExactly("wait", "irq", "wait", "irq", "wait");
      assertThat(KernelProbe.counter(n.kernel, irq)).isZero();
    }
  }

  @Test
  void item79_theLineIsMaskedUntilTheDriverDownsAgainSoNoEdgeIsLost() {
    try (Nova n = Nova.boot()) {
      int gsi = 5;
      long irq = n.fromKernel(GSI_BASE + gsi, Perm.SM_UP | Perm.SM_DOWN);
      var lines = n.kernel.machine().interrupts();
      ok(n.sys.assignGsi(irq, 0, 0)); // routed to CPU 0: the line is enabled, as a driver's setup does
      lines.raise(gsi); // nobody waits: counted, and the line is masked
      assertThat(KernelProbe.counter(n.kernel, irq)).isEqualTo(1);
      assertThat(lines.isMasked(gsi)).isTrue();
      lines.raise(gsi); // held by the masked line
      assertThat(KernelProbe.counter(n.kernel, irq)).isEqualTo(1);
      ok(n.sys.smDown(irq, false, n.kernel.nanos() + MILLISECOND)); // unmasks: the held edge arrives
      assertThat(KernelProbe.counter(n.kernel, irq)).isEqualTo(1);
      ok(n.sys.smDown(irq, false, n.kernel.nanos() + MILLISECOND));
      assertThat(n.sys.smDown(irq, false, n.kernel.nanos() + MILLISECOND)).isEqualTo(Status.TIMEOUT);
    }
  }

  @Test
  void item80_assignGsiNeedsAnInterruptSmAndAnOnlineCpu() {
    try (Nova n = Nova.boot(2)) {
      long irq = n.fromKernel(GSI_BASE + 9, Perm.SM_UP | Perm.SM_DOWN);
      long plain = n.sm(0);
      assertThat(n.sys.assignGsi(plain, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.assignGsi(n.sel(), 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.assignGsi(Nova.ROOT_PD, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.assignGsi(irq, 0, 2)).isEqualTo(Status.BAD_CPU);
      assertThat(n.sys.assignGsi(irq, 0, -1)).isEqualTo(Status.BAD_CPU);
      ok(n.sys.assignGsi(irq, 0, 1));
      long msiAddress = n.sys.out1();
      assertThat(msiAddress & 0xfff0_0000L).isEqualTo(0xfee0_0000L);
      // Raw form: sm in RDI, dev in RSI, CPU in RDX.
      assertThat(n.sys.hypercall(plain << 8 | 0xe, 0, 0, 0, 0)).isEqualTo(Status.BAD_CAP);
      assertThat(n.sys.hypercall(irq << 8 | 0xe, 0, 7, 0, 0)).isEqualTo(Status.BAD_CPU);
      ok(n.sys.hypercall(irq << 8 | 0xe, 0, 0, 0, 0));
    }
  }

  @Test
  void item81_rootPdStartsWithPdEcScCapsAt32To34AndAnEmptyPortSpace() {
    try (Nova n = Nova.boot()) {
      assertThat(n.lookup(32)).isEqualTo(Crd.object(32, 0, 0x1f));
      assertThat(n.lookup(33)).isEqualTo(Crd.object(33, 0, 0x0d));
      assertThat(n.lookup(34)).isEqualTo(Crd.object(34, 0, 0x01));
      for (long sel = 0; sel < 0x400; sel++) {
        if (sel < 32 || sel > 34) {
          assertThat(n.lookup(sel).isNull()).as("selector %s", sel).isTrue();
        }
      }
      for (int port = 0; port < 1 << 16; port++) {
        if (!n.sys.lookupCrd(Crd.io(port, 0, 0)).isNull()) {
          throw new AssertionError("the root PD starts with port " + port);
        }
      }
      // Memory: only the HIP (read-only) and the root UTCB (read-write).
      assertThat(n.sys.lookupCrd(Crd.memory(NovaKernel.HIP_ADDRESS >>> 12, 0, 0)).perms()).isEqualTo(Perm.MEM_R);
      assertThat(n.sys.lookupCrd(Crd.memory(NovaKernel.ROOT_UTCB_ADDRESS >>> 12, 0, 0)).perms())
          .isEqualTo(Perm.MEM_R | Perm.MEM_W);
      assertThat(n.sys.lookupCrd(Crd.memory(0, 0, 0)).isNull()).isTrue();
      // The SC at 34 is a real SC: its time is readable.
      ok(n.sys.scCtrl(34));
    }
  }

  @Test
  void item82_theHipStartsWithTheSignatureAndItsWordsSumToZero() {
    try (Nova n = Nova.boot(3)) {
      // Read through the root PD's own mapping of the HIP, as a root task would.
      var mem = n.sys.memory();
      long hip = NovaKernel.HIP_ADDRESS;
      assertThat(mem.readInt(hip)).isEqualTo(0x41564f4e);
      int length = mem.readShort(hip + 6) & 0xffff;
      assertThat(length).isBetween(56, 4096);
      int sum = 0;
      for (int i = 0; i < length; i += 2) {
        sum += mem.readShort(hip + i) & 0xffff;
      }
      assertThat(sum & 0xffff).isZero();
      Hip view = n.kernel.hip();
      assertThat(view.isValid()).isTrue();
      assertThat(view.cpuCount()).isEqualTo(3);
      assertThat(view.events()).isEqualTo(32);
      assertThat(view.vmEvents()).isEqualTo(256);
      assertThat(view.selectors()).isEqualTo(1 << 16);
    }
  }
}
