package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.cpu.CpuSession;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.io.IrqSession;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.PortDevice;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Core's device and CPU services: checklist items 51 (IO_PORT) and 52 (IRQ), and CPU sessions. */
class DeviceTest {
  @Test
  void item51_ioPortAccessesOutsideTheSessionRangeReadZeroAndAreDropped() {
    List<String> writes = Collections.synchronizedList(new ArrayList<>());
    CoreScenario s = new CoreScenario();
    s.run(k -> ((NovaKernel) k).machine().ports().claim(0x3f8, 16, new PortDevice() {
      @Override
      public int in(int port, int size) {
        return 0x40 + (port - 0x3f8);
      }

      @Override
      public void out(int port, int size, int value) {
        writes.add(Integer.toHexString(port) + "=" + Integer.toHexString(value));
      }
    }), CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
      try (var io = new Connection<>(env, IoPortSession.class, IoPortSession.SERVICE_NAME,
          SessionArgs.parse("io_port_base=0x3f8, io_port_size=8, ram_quota=6K, cap_quota=2"))) {
        IoPortSession p = io.session();
        env.log().log("in " + Integer.toHexString(p.inb(0x3f9)) + " outside " + p.inb(0x400) + " "
            + p.inb(0x3f7) + " straddling " + p.inw(0x3ff));
        p.outb(0x3fa, 0x55);
        p.outb(0x400, 0x66);
        try (var other = new Connection<>(env, IoPortSession.class, IoPortSession.SERVICE_NAME,
            SessionArgs.parse("io_port_base=0x3fc, io_port_size=8, ram_quota=6K, cap_quota=2"))) {
          env.log().log("overlapping session opened " + other.cap());
        } catch (ServiceDenied e) {
          env.log().log("overlapping session denied");
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.parentInterface().exit(0);
    }), core -> s.awaitLine("child \"init\" exited with exit value 0"));
    assertThat(s.console).contains("[init] in 41 outside 0 0 straddling 0", "[init] overlapping session denied");
    assertThat(writes).containsExactly("3fa=55");
  }

  @Test
  void item52_waitForIrqReturnsOncePerInterruptOfTheLine() {
    AtomicInteger returned = new AtomicInteger();
    CoreScenario s = new CoreScenario();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
      try {
        var irq = new Connection<>(env, IrqSession.class, IrqSession.SERVICE_NAME,
            SessionArgs.parse("irq_number=5, ram_quota=6K, cap_quota=3"));
        Thread driver = new Thread(env.pd(), "driver", env.cpu()) {
          @Override
          protected void entry() {
            for (int i = 0; i < 3; i++) {
              irq.session().waitForIrq();
              returned.incrementAndGet();
            }
          }
        };
        driver.start();
        driver.join();
        env.log().log("three interrupts");
        irq.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.parentInterface().exit(0);
    }), core -> {
      List<Integer> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        s.sleep(10_000); // the driver blocks in wait_for_irq
        seen.add(returned.get());
        ((NovaKernel) s.kernel()).machine().interrupts().raise(5);
      }
      s.awaitLine("child \"init\" exited with exit value 0");
      assertThat(seen).containsExactly(0, 1, 2);
    });
    assertThat(returned.get()).isEqualTo(3);
    assertThat(s.console).contains("[init] three interrupts");
  }

  @Test
  void cpuSessionsGiveThreadsTheirSchedulingContextsAtTheSessionsPriorityOnTheirCpu() {
    AtomicInteger ranOn = new AtomicInteger(-1);
    CoreScenario s = new CoreScenario();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
      try (var cpu = new Connection<>(env, CpuSession.class, CpuSession.SERVICE_NAME,
          SessionArgs.parse("priority=0x8000, ram_quota=36K, cap_quota=6"))) {
        long done = env.pd().createSemaphore(0);
        long ec = env.pd().createGlobalEc(1, env.pd().stackArea().alloc(), (self, ip, arg) -> {
          ranOn.set(self.cpu());
          self.smUp(done);
        });
        cpu.session().start(Capability.of(ec));
        NativeThread.current().gate().smDown(done, false, 0);
        env.log().log("cpus " + cpu.session().affinitySpace() + " priority " + cpu.session().kernelPriority());
        try (var denied = new Connection<>(env, CpuSession.class, CpuSession.SERVICE_NAME,
            SessionArgs.parse("priority=0x10000, ram_quota=36K, cap_quota=6"))) {
          env.log().log("out-of-range priority accepted " + denied.cap());
        } catch (ServiceDenied e) {
          env.log().log("out-of-range priority denied");
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.parentInterface().exit(0);
    }), core -> s.awaitLine("child \"init\" exited with exit value 0"));
    assertThat(ranOn.get()).isEqualTo(1);
    assertThat(s.console).contains("[init] cpus 2 priority 32", "[init] out-of-range priority denied");
  }
}
