package io.github.genova.genode.os.timer.pit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.hw.Irq;
import io.github.genova.platform.Machine;
import io.github.genova.platform.VirtualClock;
import io.github.genova.platform.device.pit.Pit8254;
import io.github.genova.platform.pc.StandardPc;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The PIT backend against the real 8254 model, without a kernel: ports go straight to the machine's port
 * bus, and waiting for IRQ 0 lets virtual time run to the PIT's next edge. Nothing else advances the clock,
 * so the time source must account for every clock exactly.
 */
class PitTimeSourceTest {
  private final Machine machine =
      Machine.builder().cpus(1).ram(1 << 20).virtualTime(true).devices(StandardPc.devices()).build();
  private final VirtualClock clock = (VirtualClock) machine.clock();
  private final Pit8254 pit = machine.device(Pit8254.class);
  private final List<Long> irqs = new ArrayList<>();
  private final IoPorts ports = new IoPorts() {
    @Override
    public int inb(int port) {
      return machine.ports().in(port, 1) & 0xff;
    }

    @Override
    public void outb(int port, int value) {
      machine.ports().out(port, 1, value);
    }
  };
  /** Runs virtual time to the PIT's next edge, as an idle kernel would. */
  private final Irq irq = () -> {
    int before = irqs.size();
    while (irqs.size() == before) {
      long next = machine.deadlines().nextDeadline();
      if (next == Long.MAX_VALUE) {
        throw new AssertionError("no interrupt will come: the PIT is not counting");
      }
      machine.deadlines().runUntil(next);
    }
  };

  PitTimeSourceTest() {
    machine.interrupts().attach(gsi -> {
      if (gsi == 0) {
        irqs.add(clock.nanos());
      }
    });
  }

  @AfterEach
  void close() {
    machine.close();
  }

  @Test
  void item70_pitOneShotCountsStayWithin65535TicksAndAtLeast250us() {
    PitTimeSource source = new PitTimeSource(ports, irq);
    assertThat(pit.mode(0)).isZero();
    long minTicks = PitTimeSource.usToTicksCeil(PitTimeSource.MIN_TIMEOUT_US);
    for (long us : new long[] {0, 1, 100, 249, 250, 251, 1000, 54_924, 54_925, 55_000, 1_000_000, Long.MAX_VALUE}) {
      int ticks = source.scheduleTimeout(us);
      assertThat(pit.mode(0)).as("mode for %d us", us).isZero();
      assertThat(pit.reload(0)).as("count for %d us", us).isEqualTo(ticks).isBetween((int) minTicks, 0xffff);
      assertThat(PitTimeSource.ticksToUs(ticks)).isGreaterThanOrEqualTo(Math.min(Math.max(us, 250), 54_924));
    }
    assertThat(minTicks).isEqualTo(299); // 250 us at 1 193 182 Hz, rounded up
    assertThat(source.maxTimeoutUs()).isEqualTo(54_924);
  }

  @Test
  void oneShotRaisesIrq0AfterExactlyTheProgrammedClocks() {
    PitTimeSource source = new PitTimeSource(ports, irq);
    long start = clock.nanos();
    int ticks = source.scheduleTimeout(1000);
    assertThat(ticks).isEqualTo(1194);
    source.waitForIrq();
    assertThat(irqs).hasSize(1);
    assertThat(Pit8254.ticks(irqs.getFirst()) - Pit8254.ticks(start)).isEqualTo(1194);
    assertThat(source.currentTicks()).isEqualTo(Pit8254.ticks(clock.nanos()));
  }

  @Test
  void elapsedTimeCountsEveryClockAcrossTheTerminalCountAndReprogramming() {
    PitTimeSource source = new PitTimeSource(ports, irq);
    SplittableRandom random = new SplittableRandom(7);
    long last = 0;
    long programmedAt = Pit8254.ticks(clock.nanos());
    for (int i = 0; i < 200; i++) {
      long sinceProgramming = Pit8254.ticks(clock.nanos()) - programmedAt;
      // the documented limit: reprogrammed within 65536 clocks after the terminal count
      if (random.nextInt(3) == 0 || sinceProgramming > source.programmedTicks() + 30_000L) {
        source.scheduleTimeout(random.nextLong(0, 60_000));
        programmedAt = Pit8254.ticks(clock.nanos());
        sinceProgramming = 0;
      }
      long room = source.programmedTicks() + 65_535L - sinceProgramming;
      clock.advanceBy(random.nextLong(0, Pit8254.nanosForTicks(room)));
      machine.deadlines().fireDue();
      long now = source.currentTicks();
      assertThat(now).as("step %d", i).isEqualTo(Pit8254.ticks(clock.nanos()));
      assertThat(now).isGreaterThanOrEqualTo(last);
      last = now;
    }
  }

  @Test
  void conversionsRoundTheRightWay() {
    assertThat(PitTimeSource.ticksToUs(PitTimeSource.FREQUENCY_HZ)).isEqualTo(1_000_000);
    assertThat(PitTimeSource.usToTicksCeil(1_000_000)).isEqualTo(PitTimeSource.FREQUENCY_HZ);
    assertThat(PitTimeSource.usToTicksCeil(1)).isEqualTo(2); // 1.19 clocks
    assertThat(PitTimeSource.ticksToUs(1)).isZero();
    for (long us = 0; us < 5000; us += 7) {
      assertThat(PitTimeSource.ticksToUs(PitTimeSource.usToTicksCeil(us))).isGreaterThanOrEqualTo(us);
    }
  }
}
