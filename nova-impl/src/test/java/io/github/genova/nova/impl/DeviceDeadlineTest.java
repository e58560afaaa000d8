package io.github.genova.nova.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Deadline;
import io.github.genova.platform.DeadlineQueue;
import io.github.genova.platform.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kernel's time keeping also drives the machine's device deadlines (PIT, RTC, UART timeouts). */
class DeviceDeadlineTest {
  @Test
  void idleJumpGoesToTheEarliestDeviceDeadlineAndFiresIt() {
    VirtualClock clock = new VirtualClock();
    DeadlineQueue devices = new DeadlineQueue(clock);
    TimeKeeper time = new TimeKeeper(clock, devices);
    List<Long> fired = new ArrayList<>();
    Deadline pit = devices.create("PIT channel 0", () -> fired.add(clock.nanos()));
    assertThat(time.jumpToNextDeadline()).isFalse(); // nothing pending: wait for an interrupt
    pit.arm(838);
    assertThat(time.nextDeadline()).isEqualTo(838);
    assertThat(time.jumpToNextDeadline()).isTrue();
    assertThat(fired).containsExactly(838L);
    assertThat(clock.nanos()).isEqualTo(838);
    assertThat(time.nextDeadline()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void kernelEntriesFireDeviceDeadlinesThatFellDue() {
    VirtualClock clock = new VirtualClock();
    DeadlineQueue devices = new DeadlineQueue(clock);
    TimeKeeper time = new TimeKeeper(clock, devices);
    List<Long> fired = new ArrayList<>();
    devices.create("RTC", () -> fired.add(clock.nanos())).arm(1000);
    clock.advanceTo(999);
    time.fireDue();
    assertThat(fired).isEmpty();
    clock.advanceTo(1500);
    time.fireDue();
    assertThat(fired).containsExactly(1500L);
  }
}
