package io.github.genova.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MachineBusesTest {
  /** A 4 KiB register window that records accesses. */
  private static final class Recorder implements MmioDevice {
    final List<String> log = new ArrayList<>();

    @Override
    public long read(long offset, int size) {
      log.add("r" + size + "@" + offset);
      return 0x1122_3344_5566_7788L;
    }

    @Override
    public void write(long offset, int size, long value) {
      log.add("w" + size + "@" + offset + "=" + Long.toHexString(value));
    }
  }

  @Test
  void deadlinesFireInTimeOrderWithTiesInArmingOrder() {
    try (Machine m = Machine.builder().build()) {
      List<String> fired = new ArrayList<>();
      DeadlineQueue q = m.deadlines();
      Deadline a = q.create("a", () -> fired.add("a@" + m.clock().nanos()));
      Deadline b = q.create("b", () -> fired.add("b@" + m.clock().nanos()));
      Deadline c = q.create("c", () -> fired.add("c@" + m.clock().nanos()));
      c.arm(300);
      b.arm(100);
      a.arm(100);
      assertThat(q.nextDeadline()).isEqualTo(100);
      q.runUntil(1000);
      assertThat(fired).containsExactly("b@100", "a@100", "c@300");
      assertThat(m.clock().nanos()).isEqualTo(1000);
      assertThat(q.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }
  }

  @Test
  void rearmingMovesADeadlineAndCancelRemovesIt() {
    try (Machine m = Machine.builder().build()) {
      List<Long> fired = new ArrayList<>();
      Deadline d = m.deadlines().create("d", () -> fired.add(m.clock().nanos()));
      d.arm(500);
      d.arm(200);
      assertThat(d.isArmed()).isTrue();
      m.deadlines().runUntil(300);
      assertThat(fired).containsExactly(200L);
      assertThat(d.isArmed()).isFalse();
      d.arm(400);
      d.cancel();
      m.deadlines().runUntil(1000);
      assertThat(fired).containsExactly(200L);
    }
  }

  @Test
  void actionsMayRearmThemselvesForPeriodicEvents() {
    try (Machine m = Machine.builder().build()) {
      List<Long> fired = new ArrayList<>();
      Deadline[] self = new Deadline[1];
      self[0] = m.deadlines().create("tick", () -> {
        fired.add(m.clock().nanos());
        self[0].arm(m.clock().nanos() + 250);
      });
      self[0].arm(250);
      m.deadlines().runUntil(1000);
      assertThat(fired).containsExactly(250L, 500L, 750L, 1000L);
    }
  }

  @Test
  void runUntilNeedsVirtualTime() {
    try (Machine m = Machine.builder().virtualTime(false).build()) {
      assertThatThrownBy(() -> m.deadlines().runUntil(1)).isInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void realTimeMachineCanFireDeadlinesFromAHostThread() throws InterruptedException {
    try (Machine m = Machine.builder().virtualTime(false).build()) {
      java.util.concurrent.CountDownLatch fired = new java.util.concurrent.CountDownLatch(2);
      Deadline later = m.deadlines().create("later", fired::countDown);
      Deadline sooner = m.deadlines().create("sooner", fired::countDown);
      m.startRealTimeDeadlines();
      later.arm(m.clock().nanos() + 20_000_000);
      sooner.arm(m.clock().nanos() + 1_000_000); // earlier than what the thread sleeps for
      assertThat(fired.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(m::startRealTimeDeadlines).isInstanceOf(IllegalStateException.class);
    }
    try (Machine v = Machine.builder().build()) {
      assertThatThrownBy(v::startRealTimeDeadlines).hasMessageContaining("virtual time");
    }
  }

  @Test
  void isaLineEdgesReachSinksAndRaiseTheGsi() {
    try (Machine m = Machine.builder().build()) {
      List<String> seen = new ArrayList<>();
      m.isa().connect((irq, high) -> seen.add(irq + (high ? "+" : "-")));
      m.interrupts().attach(gsi -> seen.add("gsi" + gsi));
      IrqLine line = m.isa().line(4);
      line.raise();
      line.raise(); // no change, nothing happens
      line.lower();
      line.pulse();
      assertThat(seen).containsExactly("4+", "gsi4", "4-", "4+", "gsi4", "4-");
      assertThatThrownBy(() -> m.isa().line(16)).hasMessageContaining("16");
    }
  }

  @Test
  void mmioClaimsPunchHolesInRamAndRouteAccesses() {
    Recorder dev = new Recorder();
    try (Machine m = Machine.builder()
        .ram(16L << 20)
        .device(machine -> machine.mmio().claim(0x10_0000, 0x1000, "recorder", dev))
        .build()) {
      assertThat(m.memory().isRam(0x100)).isFalse();
      assertThat(m.memory().isRam(0x101)).isTrue();
      m.physical().write(0x10_0010, 4, 0xdead_beefL);
      assertThat(m.physical().read(0x10_0008, 2)).isEqualTo(0x7788);
      assertThat(dev.log).containsExactly("w4@16=deadbeef", "r2@8");
      m.physical().write(0x10_1000, 8, 0x0102_0304_0506_0708L);
      assertThat(m.physical().read(0x10_1000, 8)).isEqualTo(0x0102_0304_0506_0708L);
      assertThat(m.physical().read(0x2000_0000L, 4)).isEqualTo(0xffff_ffffL); // nothing there
    }
  }

  @Test
  void crossFrameAccessIsSplitIntoBytes() {
    try (Machine m = Machine.builder().ram(1L << 20).build()) {
      m.physical().write(0x0ffe, 4, 0xa1b2_c3d4L);
      assertThat(m.physical().read(0x0ffe, 4)).isEqualTo(0xa1b2_c3d4L);
      assertThat(m.physical().read(0x1000, 1)).isEqualTo(0xb2);
    }
  }

  @Test
  void overlappingMmioClaimsAreRefusedNamingBoth() {
    try (Machine m = Machine.builder().ram(1L << 20).build()) {
      m.mmio().claim(0xf000_0000L, 0x2000, "first", new Recorder());
      assertThatThrownBy(() -> m.mmio().claim(0xf000_1000L, 0x1000, "second", new Recorder()))
          .hasMessageContaining("second").hasMessageContaining("first");
      assertThatThrownBy(() -> m.mmio().claim(0x8000, 0x1000, "late", new Recorder()))
          .hasMessageContaining("overlaps RAM");
    }
  }

  @Test
  void releasedRegionDecodesNoMore() {
    try (Machine m = Machine.builder().ram(1L << 20).build()) {
      MmioRegion r = m.mmio().claim(0xf000_0000L, 0x1000, "window", new Recorder());
      assertThat(m.mmio().find(0xf000_0800L)).isEqualTo(r);
      m.mmio().release(r);
      assertThat(m.mmio().find(0xf000_0800L)).isNull();
    }
  }

  @Test
  void loadAndDumpGoThroughTheBus() {
    try (Machine m = Machine.builder().ram(2L << 20).build()) {
      m.physical().load(0xf_fff0, new byte[] {(byte) 0xea, 0x5b, (byte) 0xe0, 0x00, (byte) 0xf0});
      assertThat(m.physical().dump(0xf_fff0, 5)).containsExactly(0xea, 0x5b, 0xe0, 0x00, 0xf0);
    }
  }
}
