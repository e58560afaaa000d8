package io.github.genova.nova.impl;

import io.github.genova.platform.Clock;
import io.github.genova.platform.DeadlineQueue;
import io.github.genova.platform.VirtualClock;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The kernel's deadlines: semaphore downs waiting with a timeout, ordered by absolute time, together with
 * the machine's device deadlines (a PIT or RTC edge, a UART timeout). The scheduler fires those that fell
 * due at kernel entries, and in virtual time, when every CPU is idle, jumps the clock to the earliest one
 * of either kind. In real time a waiter also times itself out.
 */
final class TimeKeeper {
  /** A pending semaphore deadline. */
  record Timeout(long deadline, long sequence, Ec ec) implements Comparable<Timeout> {
    @Override
    public int compareTo(Timeout o) {
      int c = Long.compare(deadline, o.deadline);
      return c != 0 ? c : Long.compare(sequence, o.sequence);
    }
  }

  private final Clock clock;
  private final DeadlineQueue devices;
  private final @Nullable VirtualClock virtualClock;
  private final TreeSet<Timeout> timeouts = new TreeSet<>();
  private volatile long nextDeadline = Long.MAX_VALUE;
  private long sequence;

  TimeKeeper(Clock clock, DeadlineQueue devices) {
    this.clock = clock;
    this.devices = devices;
    this.virtualClock = clock instanceof VirtualClock v ? v : null;
  }

  boolean isVirtual() {
    return virtualClock != null;
  }

  long nanos() {
    return clock.nanos();
  }

  /** Returns the earliest pending deadline, the machine's devices' included, or {@link Long#MAX_VALUE}. */
  long nextDeadline() {
    return Math.min(nextDeadline, devices.nextDeadline());
  }

  /** {@code ec} waits until {@code deadline} at the latest. */
  synchronized void add(Ec ec, long deadline) {
    Timeout t = new Timeout(deadline, sequence++, ec);
    ec.timeout = t;
    timeouts.add(t);
    nextDeadline = timeouts.first().deadline();
  }

  /** {@code ec} no longer waits for its deadline. */
  synchronized void remove(Ec ec) {
    Timeout t = ec.timeout;
    if (t != null) {
      timeouts.remove(t);
      ec.timeout = null;
      nextDeadline = timeouts.isEmpty() ? Long.MAX_VALUE : timeouts.first().deadline();
    }
  }

  /** Fires the device deadlines and times out every waiter whose deadline has been reached. */
  void fireDue() {
    devices.fireDue();
    long now = clock.nanos();
    while (true) {
      Timeout due;
      synchronized (this) {
        if (timeouts.isEmpty() || timeouts.first().deadline() > now) {
          return;
        }
        due = timeouts.pollFirst();
        due.ec().timeout = null;
        nextDeadline = timeouts.isEmpty() ? Long.MAX_VALUE : timeouts.first().deadline();
      }
      due.ec().timeOut();
    }
  }

  /**
   * Virtual time with nothing able to run: moves the clock to the earliest deadline and fires what is due.
   *
   * @return false when there is no deadline (or time is real), so nothing can happen without an interrupt
   */
  boolean jumpToNextDeadline() {
    VirtualClock v = virtualClock;
    long next = nextDeadline();
    if (v == null || next == Long.MAX_VALUE) {
      return false;
    }
    v.advanceTo(next);
    fireDue();
    return true;
  }
}
