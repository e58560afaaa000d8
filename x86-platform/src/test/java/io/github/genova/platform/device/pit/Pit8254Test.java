package io.github.genova.platform.device.pit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.DeadlineQueue;
import io.github.genova.platform.Machine;
import io.github.genova.platform.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Pit8254Test {
  private Machine machine;
  private VirtualClock clock;
  private DeadlineQueue deadlines;
  private final List<Long> irq0 = new ArrayList<>();

  @BeforeEach
  void setUp() {
    machine = Machine.builder().device(Pit8254::attach).device(SystemControlPortB::attach).build();
    clock = (VirtualClock) machine.clock();
    deadlines = machine.deadlines();
    machine.interrupts().attach(gsi -> {
      if (gsi == 0) {
        irq0.add(clock.nanos());
      }
    });
  }

  private void out(int port, int value) {
    machine.ports().out(port, 1, value);
  }

  private int in(int port) {
    return machine.ports().in(port, 1);
  }

  @Test
  void tickConversionsAreInverse() {
    for (long t : new long[] {0, 1, 2, 1193, 1_193_181, 1_193_182, 65_536, 123_456_789_012L}) {
      long n = Pit8254.nanosForTicks(t);
      assertThat(Pit8254.ticks(n)).isEqualTo(t);
      if (n > 0) {
        assertThat(Pit8254.ticks(n - 1)).isEqualTo(t - 1);
      }
    }
  }

  @Test
  void mode2FiresIrq0EveryPeriodAtTheExactVirtualTimes() {
    out(0x43, 0x34); // channel 0, LSB then MSB, mode 2, binary
    out(0x40, 11932 & 0xff);
    out(0x40, 11932 >> 8); // ~100 Hz
    deadlines.runUntil(50_001_500); // 5 periods of 11932 clocks end at 50.0014 ms
    assertThat(irq0).hasSize(5);
    for (int k = 1; k <= 5; k++) {
      assertThat(irq0.get(k - 1)).isEqualTo(Pit8254.nanosForTicks(11932L * k));
    }
  }

  @Test
  void mode2CountsDownAndReloads() {
    out(0x43, 0x34);
    out(0x40, 100);
    out(0x40, 0);
    clock.advanceTo(Pit8254.nanosForTicks(30));
    out(0x43, 0x00); // latch channel 0
    assertThat(in(0x40) | in(0x40) << 8).isEqualTo(70);
    clock.advanceTo(Pit8254.nanosForTicks(130));
    out(0x43, 0x00);
    assertThat(in(0x40) | in(0x40) << 8).isEqualTo(70);
  }

  @Test
  void mode0FiresOnceAtTerminalCount() {
    out(0x43, 0x30); // mode 0
    out(0x40, 0xe8);
    out(0x40, 0x03); // 1000
    deadlines.runUntil(10_000_000);
    assertThat(irq0).containsExactly(Pit8254.nanosForTicks(1000));
    assertThat(machine.isa().isHigh(0)).isTrue();
    out(0x43, 0x30);
    assertThat(machine.isa().isHigh(0)).isFalse();
  }

  @Test
  void mode3SquareWaveOutputAndPeriod() {
    out(0x43, 0x36); // channel 0, mode 3
    out(0x40, 0);
    out(0x40, 0); // 65536: the BIOS's 18.2 Hz
    Pit8254 pit = machine.device(Pit8254.class);
    assertThat(pit.out(0)).isTrue();
    clock.advanceTo(Pit8254.nanosForTicks(32_768));
    assertThat(pit.out(0)).isFalse();
    deadlines.runUntil(1_000_000_000);
    assertThat(irq0).hasSize(18);
    assertThat(irq0.get(17)).isEqualTo(Pit8254.nanosForTicks(65_536L * 18));
  }

  @Test
  void reprogrammingStopsTheOldPeriod() {
    out(0x43, 0x34);
    out(0x40, 0x00);
    out(0x40, 0x10); // 4096
    deadlines.runUntil(Pit8254.nanosForTicks(4096 * 2));
    assertThat(irq0).hasSize(2);
    out(0x43, 0x30); // mode 0, count not yet written: the channel waits
    deadlines.runUntil(Pit8254.nanosForTicks(4096 * 10));
    assertThat(irq0).hasSize(2);
  }

  @Test
  void newCountInMode2TakesEffectAtTheNextReload() {
    Pit8254 pit = machine.device(Pit8254.class);
    out(0x43, 0x34);
    out(0x40, 100);
    out(0x40, 0);
    deadlines.runUntil(Pit8254.nanosForTicks(250));
    out(0x40, 40);
    out(0x40, 0);
    deadlines.runUntil(Pit8254.nanosForTicks(299));
    assertThat(pit.count(0)).isEqualTo(1); // the old period runs out
    deadlines.runUntil(Pit8254.nanosForTicks(380));
    assertThat(irq0).containsExactly(
        Pit8254.nanosForTicks(100), Pit8254.nanosForTicks(200), Pit8254.nanosForTicks(300),
        Pit8254.nanosForTicks(340), Pit8254.nanosForTicks(380));
    deadlines.runUntil(Pit8254.nanosForTicks(390));
    assertThat(pit.count(0)).isEqualTo(30);
  }

  @Test
  void lsbOnlyAndMsbOnlyAccess() {
    out(0x43, 0x50); // channel 1, LSB only, mode 0
    out(0x41, 200);
    assertThat(machine.device(Pit8254.class).reload(1)).isEqualTo(200);
    out(0x43, 0x60); // channel 1, MSB only
    out(0x41, 2);
    assertThat(machine.device(Pit8254.class).reload(1)).isEqualTo(512);
    clock.advanceBy(Pit8254.nanosForTicks(12));
    assertThat(in(0x41)).isEqualTo(500 >> 8);
  }

  @Test
  void latchedCountSurvivesFurtherCounting() {
    out(0x43, 0x30);
    out(0x40, 0x00);
    out(0x40, 0x80); // 32768
    clock.advanceTo(Pit8254.nanosForTicks(1000));
    out(0x43, 0x00);
    clock.advanceTo(Pit8254.nanosForTicks(5000));
    assertThat(in(0x40) | in(0x40) << 8).isEqualTo(32768 - 1000);
    assertThat(in(0x40) | in(0x40) << 8).isEqualTo(32768 - 5000); // latch consumed: live count
  }

  @Test
  void readBackLatchesStatusAndCount() {
    out(0x43, 0xb4); // channel 2, LSB/MSB, mode 2
    out(0x42, 0x10);
    out(0x42, 0x00);
    out(0x61, 0x01); // gate 2 high: retrigger
    clock.advanceBy(Pit8254.nanosForTicks(5));
    out(0x43, 0xc8); // read-back: count and status of channel 2
    int status = in(0x42);
    assertThat(status & 0x3f).isEqualTo(0x34); // LSB/MSB, mode 2, binary
    assertThat(status & 0x80).isEqualTo(0x80); // OUT high in mode 2 mid-count
    assertThat(in(0x42) | in(0x42) << 8).isEqualTo(16 - 5);
  }

  @Test
  void bcdCounting() {
    out(0x43, 0x31); // channel 0, mode 0, BCD
    out(0x40, 0x00);
    out(0x40, 0x10); // 1000 decimal
    clock.advanceTo(Pit8254.nanosForTicks(1));
    out(0x43, 0x00);
    assertThat(in(0x40) | in(0x40) << 8).isEqualTo(0x0999);
  }

  @Test
  void port61ReadsChannel2OutputForCalibration() {
    out(0x61, 0x01); // gate high, speaker off
    out(0x43, 0xb0); // channel 2 mode 0
    out(0x42, 0xff);
    out(0x42, 0x00); // 255 clocks
    assertThat(in(0x61) & 0x20).isZero();
    clock.advanceTo(Pit8254.nanosForTicks(255));
    assertThat(in(0x61) & 0x20).isEqualTo(0x20);
    assertThat(in(0x61) & 0x01).isEqualTo(0x01);
  }

  @Test
  void gateRisingEdgeRestartsMode2OnChannel2() {
    out(0x43, 0xb4);
    out(0x42, 100);
    out(0x42, 0);
    clock.advanceTo(Pit8254.nanosForTicks(40));
    out(0x61, 0x00);
    out(0x61, 0x01);
    assertThat(machine.device(Pit8254.class).count(2)).isEqualTo(100);
  }

  @Test
  void lowGatePausesMode0AndLoadingWithGateLowWaits() {
    Pit8254 pit = machine.device(Pit8254.class);
    out(0x43, 0xb0); // channel 2, mode 0, gate still low
    out(0x42, 100);
    out(0x42, 0);
    clock.advanceTo(Pit8254.nanosForTicks(50));
    assertThat(pit.count(2)).isEqualTo(100); // not counting yet
    out(0x61, 0x01);
    clock.advanceTo(Pit8254.nanosForTicks(80));
    assertThat(pit.count(2)).isEqualTo(70);
    out(0x61, 0x00);
    clock.advanceTo(Pit8254.nanosForTicks(500));
    assertThat(pit.count(2)).isEqualTo(70); // paused
    assertThat(in(0x61) & 0x20).isZero();
    out(0x61, 0x01);
    clock.advanceTo(Pit8254.nanosForTicks(500 + 70));
    assertThat(in(0x61) & 0x20).isEqualTo(0x20); // terminal count after 30 + 70 counted clocks
  }

  @Test
  void lowGateStopsMode2WithOutHighAndItsRisingEdgeReloads() {
    Pit8254 pit = machine.device(Pit8254.class);
    out(0x61, 0x01);
    out(0x43, 0xb4);
    out(0x42, 10);
    out(0x42, 0);
    clock.advanceTo(Pit8254.nanosForTicks(9)); // OUT low in the last clock of the period
    assertThat(pit.out(2)).isFalse();
    out(0x61, 0x00);
    assertThat(pit.out(2)).isTrue();
    clock.advanceTo(Pit8254.nanosForTicks(100));
    assertThat(pit.count(2)).isEqualTo(1);
    out(0x61, 0x01);
    clock.advanceTo(Pit8254.nanosForTicks(103));
    assertThat(pit.count(2)).isEqualTo(7);
  }

  @Test
  void speakerToneFollowsChannel2InMode3() {
    SystemControlPortB portB = machine.device(SystemControlPortB.class);
    out(0x43, 0xb6);
    out(0x42, (1193182 / 440) & 0xff);
    out(0x42, (1193182 / 440) >> 8);
    assertThat(portB.toneHz()).isZero();
    out(0x61, 0x03);
    assertThat(portB.toneHz()).isEqualTo(440);
  }
}
