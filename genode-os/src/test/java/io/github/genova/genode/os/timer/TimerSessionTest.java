package io.github.genova.genode.os.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.signal.Signal;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.sync.Semaphore;
import io.github.genova.platform.device.pit.Pit8254;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The timer driver against the real kernel and the real 8254 model, in deterministic mode (virtual time):
 * the driver in the root PD, its clients in a child component that opens Timer sessions through its parent.
 *
 * <p>Latency bounds are in virtual time and follow from the design: a trigger fires no earlier than its
 * duration (or the 250 µs floor) and at most one PIT clock after it on the driver's clock, plus the fixed
 * cost of delivery — the kernel entries of the interrupt, the driver's port accesses, the signal and the
 * client's wake-up, at 100 ns each in virtual time — bounded by {@link #DELIVERY_NANOS}. Against the
 * machine's clock each programming of the PIT adds the clocks between its latch and its load, which the
 * driver cannot count (seven port accesses): at most {@link #LOSS_NANOS} each.
 */
class TimerSessionTest {
  /** One PIT input clock, rounded up. */
  private static final long TICK_NANOS = Pit8254.nanosForTicks(1);
  /** Upper bound of the deterministic delivery cost (100 kernel entries at 100 ns). */
  private static final long DELIVERY_NANOS = 10_000;
  /** The driver's floor: no programming shorter than 250 us. */
  private static final long FLOOR_NANOS = 250_000;
  /** Upper bound of the clocks one programming leaves uncounted (ten kernel entries at 100 ns). */
  private static final long LOSS_NANOS = 1_000;

  @Test
  void oneShotFiresWithinOnePitClockOfItsDurationOrThe250usFloor() {
    PcKernel k = new PcKernel();
    List<long[]> measured = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection timer = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      timer.sigh(receiver.manage(new SignalContext()));
      for (long us : new long[] {0, 1, 100, 249, 250, 251, 1000, 4321, 20_000, 54_924}) {
        long t0 = k.nanos();
        timer.triggerOnce(us);
        assertThat(receiver.waitForSignal().num()).isEqualTo(1);
        measured.add(new long[] {us, k.nanos() - t0});
      }
    });
    assertThat(measured).hasSize(10);
    for (long[] m : measured) {
      long expected = Math.max(m[0], 250) * 1000;
      assertThat(m[1]).as("one-shot of %d us fired after %d ns", m[0], m[1])
          .isBetween(expected, expected + TICK_NANOS + DELIVERY_NANOS + LOSS_NANOS);
    }
  }

  @Test
  void longTimeoutsAreChainedThroughSeveralProgrammingsAndFireOnTime() {
    PcKernel k = new PcKernel();
    List<long[]> measured = new ArrayList<>();
    List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
    k.runClient(new CountRecorder(counts), client -> {
      TimerConnection timer = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      timer.sigh(receiver.manage(new SignalContext()));
      for (long us : new long[] {54_925, 100_000, 333_333}) {
        counts.clear();
        long t0 = k.nanos();
        timer.triggerOnce(us);
        receiver.waitForSignal();
        measured.add(new long[] {us, k.nanos() - t0, counts.size()});
      }
      assertThat(counts).contains(0xffff); // 333 ms: steps of the longest count
    });
    assertThat(measured).hasSize(3);
    for (long[] m : measured) {
      long expected = m[0] * 1000;
      long programmings = m[2];
      assertThat(programmings).as("programmings for %d us", m[0]).isGreaterThanOrEqualTo(m[0] / 54_924 + 1);
      assertThat(m[1]).as("timeout of %d us fired after %d ns", m[0], m[1])
          .isBetween(expected, expected + TICK_NANOS + DELIVERY_NANOS + LOSS_NANOS * programmings);
    }
  }

  @Test
  void item70_pitOneShotCountsStayWithin65535TicksAndAtLeast250us() {
    PcKernel k = new PcKernel();
    List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
    List<Integer> during = new ArrayList<>();
    k.runClient(new CountRecorder(counts), client -> {
      TimerConnection a = client.open();
      TimerConnection b = client.open();
      counts.clear();
      a.triggerPeriodic(100); // below the floor: still at most 4000 interrupts a second
      b.msleep(200); // beyond one programming
      a.triggerPeriodic(0);
      during.addAll(counts);
    });
    assertThat(during).isNotEmpty().allSatisfy(c -> assertThat(c).isBetween(299, 0xffff));
    assertThat(during).contains(299);
    // 200 ms at one interrupt per 250 us (plus the triggers' own programmings), not one per 100 us
    assertThat(during.size()).isBetween(780, 820);
  }

  @Test
  void periodicTriggerFiresEveryPeriodWithoutDrift() {
    PcKernel k = new PcKernel();
    List<Long> elapsed = new ArrayList<>();
    List<Integer> nums = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection t = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      t.sigh(receiver.manage(new SignalContext()));
      long start = t.elapsedUs();
      t.triggerPeriodic(7_000);
      for (int i = 0; i < 60; i++) {
        nums.add(receiver.waitForSignal().num());
        elapsed.add(t.elapsedUs() - start);
      }
      t.triggerPeriodic(0);
    });
    assertThat(nums).hasSize(60).containsOnly(1);
    for (int i = 0; i < elapsed.size(); i++) {
      long due = (i + 1) * 7_000L;
      // on the timer's clock every signal comes within the same bound of its multiple of the period
      assertThat(elapsed.get(i)).as("signal %d", i + 1).isBetween(due, due + 1 + DELIVERY_NANOS / 1000);
    }
  }

  @Test
  void item69_msleepReturnsAfterAtLeastMsAndConcurrentClientsSleepIndependently() {
    PcKernel k = new PcKernel();
    List<String> wakeups = Collections.synchronizedList(new ArrayList<>());
    List<long[]> sleeps = Collections.synchronizedList(new ArrayList<>());
    k.runClient(client -> {
      Semaphore done = new Semaphore(0);
      long[][] plans = {{30, 30, 30, 30, 30, 30, 30}, {70, 70, 70}, {1, 2, 3, 5, 8, 13, 21, 34, 55, 68}};
      for (int c = 0; c < plans.length; c++) {
        long[] plan = plans[c];
        String name = "client" + c;
        PcKernel.start(client.env().pd(), name, () -> {
          try (TimerConnection t = client.open()) {
            for (long ms : plan) {
              long t0 = k.nanos();
              t.msleep(ms);
              sleeps.add(new long[] {ms, k.nanos() - t0});
              wakeups.add(name + "@" + k.nanos() / 1_000_000);
            }
          }
          done.up();
        });
      }
      for (int c = 0; c < plans.length; c++) {
        done.down();
      }
    });
    // Another client's deadline less than 250 us before one's own makes the floor delay it (the "one PIT
    // clock plus the 250 us floor" of the driver's accuracy); at most one programming per 250 us can fall
    // into a sleep, each leaving its few clocks uncounted.
    assertThat(sleeps).hasSize(20).allSatisfy(s -> assertThat(s[1]).as("msleep(%d)", s[0]).isBetween(
        s[0] * 1_000_000, s[0] * 1_000_000 + FLOOR_NANOS + TICK_NANOS + DELIVERY_NANOS + s[0] * 4 * LOSS_NANOS));
    // each client's wake-ups follow its own plan, whatever the others do
    assertThat(wakeups).filteredOn(w -> w.startsWith("client0@")).containsExactly(
        "client0@30", "client0@60", "client0@90", "client0@120", "client0@150", "client0@180", "client0@210");
    assertThat(wakeups).filteredOn(w -> w.startsWith("client1@"))
        .containsExactly("client1@70", "client1@140", "client1@210");
    assertThat(wakeups).filteredOn(w -> w.startsWith("client2@")).last().isEqualTo("client2@210");
  }

  @Test
  void aSleepKeepsTheCustomSignalHandlerInstalledAfterwards() {
    PcKernel k = new PcKernel();
    List<Object> received = new ArrayList<>();
    List<Long> slept = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection t = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      SignalContext custom = new SignalContext();
      t.sigh(receiver.manage(custom));
      long t0 = t.elapsedUs();
      t.msleep(5);
      slept.add(t.elapsedUs() - t0);
      assertThat(receiver.pending()).isFalse(); // the sleep's signal went to the connection's own context
      t.triggerOnce(1000);
      received.add(receiver.waitForSignal().context());
      received.add(custom);
    });
    assertThat(slept).singleElement().satisfies(us -> assertThat(us).isBetween(5000L, 5020L));
    assertThat(received).hasSize(2);
    assertThat(received.get(0)).isSameAs(received.get(1));
  }

  @Test
  void sessionsAreIndependentATriggerOrCloseOfOneNeverMovesAnother() {
    PcKernel k = new PcKernel();
    List<Long> aTimes = new ArrayList<>();
    List<Long> bFired = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection a = client.open();
      TimerConnection b = client.open();
      TimerConnection c = client.open();
      SignalReceiver receiver = new SignalReceiver(client.env().pd(), client.env().cpu());
      SignalContext aCtx = new SignalContext();
      a.sigh(receiver.manage(aCtx));
      b.sigh(receiver.manage(new SignalContext()));
      long start = a.elapsedUs();
      a.triggerPeriodic(10_000);
      b.triggerOnce(25_000);
      c.triggerOnce(5_000);
      int aSeen = 0;
      while (aSeen < 10) {
        Signal s = receiver.waitForSignal();
        if (!aCtx.equals(s.context())) {
          bFired.add((a.elapsedUs() - start) / 1000);
          continue;
        }
        aSeen++;
        aTimes.add(a.elapsedUs() - start);
        if (aSeen == 3) {
          b.triggerOnce(20_000); // re-triggered, then closed before it fires: neither touches A
          c.triggerPeriodic(3_000);
          b.close();
        }
        if (aSeen == 6) {
          c.close();
        }
      }
      a.triggerPeriodic(0);
      a.close();
    });
    assertThat(bFired).containsExactly(25L); // B's first trigger, once; nothing after its close
    assertThat(aTimes).hasSize(10);
    for (int i = 0; i < aTimes.size(); i++) {
      long due = (i + 1) * 10_000L;
      assertThat(aTimes.get(i)).as("A's signal %d", i + 1).isBetween(due, due + 1 + DELIVERY_NANOS / 1000);
    }
  }

  @Test
  void elapsedTimeIsMonotonicAndCountsFromTheSessionsOpening() {
    PcKernel k = new PcKernel();
    List<long[]> samples = new ArrayList<>();
    k.runClient(client -> {
      TimerConnection first = client.open();
      first.msleep(100);
      TimerConnection second = client.open();
      long t0 = k.nanos();
      long last = -1;
      for (int i = 0; i < 300; i++) {
        first.usleep(i * 37 % 700);
        long us = first.elapsedUs();
        assertThat(us).isGreaterThanOrEqualTo(last);
        last = us;
        samples.add(new long[] {us, second.elapsedUs(), first.elapsedMs(), k.nanos() - t0});
      }
    });
    assertThat(samples).hasSize(300);
    for (long[] s : samples) {
      assertThat(s[0] - s[1]).as("first opened 100 ms before second").isBetween(100_000L, 100_100L);
      assertThat(s[2]).isBetween(s[0] / 1000, s[0] / 1000 + 1);
    }
    long[] last = samples.getLast();
    System.out.printf("timer clock behind the machine clock after %d sleeps: %d us%n", samples.size(),
        last[3] / 1000 - last[1]);
  }

  @Test
  void aTwoSecondTimeoutTakesVirtualTimeNotWallTime() {
    PcKernel k = new PcKernel();
    long[] virtual = new long[1];
    long wallStart = System.nanoTime();
    k.runClient(client -> {
      try (TimerConnection t = client.open()) {
        long t0 = k.nanos();
        t.msleep(2000);
        virtual[0] = k.nanos() - t0;
      }
    });
    long wall = System.nanoTime() - wallStart;
    System.out.printf("msleep(2000): %.3f ms virtual, %.1f ms wall (boot included)%n", virtual[0] / 1e6, wall / 1e6);
    assertThat(virtual[0]).isBetween(2_000_000_000L, 2_000_000_000L + DELIVERY_NANOS + 40 * LOSS_NANOS);
  }
}
