package io.github.genova.genode.os.timer.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.os.hw.GateIoPorts;
import io.github.genova.genode.os.hw.SemaphoreIrq;
import io.github.genova.genode.os.timer.PcKernel;
import io.github.genova.genode.os.timer.TimerConnection;
import io.github.genova.genode.os.timer.pit.PitTimeSource;
import io.github.genova.nova.api.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The driver's interrupt path and its answers to bad requests, against the real kernel and 8254. */
class TimerDriverTest {
  @Test
  void item52_waitForIrqReturnsOncePerInterruptOfTheLine() {
    PcKernel k = new PcKernel();
    List<Long> waits = new ArrayList<>();
    List<Status> afterwards = new ArrayList<>();
    k.run(env -> {
      long sm = PcKernel.grantPit(env);
      PitTimeSource pit = new PitTimeSource(new GateIoPorts(), new SemaphoreIrq(sm));
      for (int i = 0; i < 3; i++) {
        long t0 = k.nanos();
        pit.scheduleTimeout(1000);
        pit.waitForIrq();
        waits.add(k.nanos() - t0);
      }
      // mode 0 keeps OUT high after its terminal count: no further interrupt until reprogrammed
      afterwards.add(NativeThread.current().gate().smDown(sm, false, k.nanos() + 100_000_000));
    });
    assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isBetween(1_000_000L, 1_010_000L));
    assertThat(afterwards).containsExactly(Status.TIMEOUT);
  }

  @Test
  void item53_aSessionWhoseQuotaCannotCoverItIsRefused() {
    PcKernel k = new PcKernel();
    List<String> outcomes = new ArrayList<>();
    List<Integer> openAfterwards = new ArrayList<>();
    k.run(env -> {
      TimerRoot root = new TimerRoot(PcKernel.startTimer(env), env.log());
      for (String args : new String[] {"", "ram_quota=4095, cap_quota=1", "ram_quota=4096, cap_quota=0",
          "ram_quota=-1", "ram_quota=4096, cap_quota=1"}) {
        try {
          Capability<Object> cap = root.session(args);
          outcomes.add(cap.valid() ? "session" : "invalid");
          root.close(cap);
        } catch (InsufficientRamQuota e) {
          outcomes.add("ram: " + e.getMessage());
        } catch (InsufficientCapQuota e) {
          outcomes.add("caps: " + e.getMessage());
        } catch (ServiceDenied e) {
          outcomes.add("denied: " + e.getMessage());
        }
      }
      openAfterwards.add(root.sessionCount());
    });
    assertThat(outcomes).hasSize(5);
    assertThat(outcomes.subList(0, 3)).containsExactly(
        "ram: insufficient RAM quota: donated 0 bytes, session needs 4096",
        "ram: insufficient RAM quota: donated 4095 bytes, session needs 4096",
        "caps: insufficient cap quota: donated 0 caps, session needs 1");
    assertThat(outcomes.get(3)).startsWith("denied: ").contains("ram_quota");
    assertThat(outcomes.get(4)).isEqualTo("session");
    assertThat(openAfterwards).containsExactly(0);
  }

  @Test
  void badTriggersAreRefusedWithAWarningAndTheSessionLivesOn() {
    PcKernel k = new PcKernel();
    List<Long> fired = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection t = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      t.sigh(receiver.manage(new SignalContext()));
      t.triggerOnce(-1);
      t.triggerPeriodic(-5);
      assertThatThrownBy(() -> t.usleep(-1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
      assertThatThrownBy(() -> t.msleep(Long.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
      TimerConnection far = client.open();
      SignalContext farContext = new SignalContext();
      far.sigh(receiver.manage(farContext));
      far.triggerOnce(Long.MAX_VALUE); // far beyond any run: must not wrap around into the past
      far.triggerPeriodic(Long.MAX_VALUE);
      long t0 = t.elapsedUs();
      t.triggerOnce(3000);
      assertThat(receiver.waitForSignal().context()).isNotSameAs(farContext);
      fired.add(t.elapsedUs() - t0);
      t.msleep(100);
      assertThat(receiver.pending()).isFalse();
    });
    assertThat(fired).singleElement().satisfies(us -> assertThat(us).isBetween(3000L, 3020L));
    assertThat(k.log).anyMatch(l -> l.contains("trigger_once refused: negative timeout -1 us"))
        .anyMatch(l -> l.contains("trigger_periodic refused: negative period -5 us"));
  }
}
