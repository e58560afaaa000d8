package io.github.genova.nova.impl;

import io.github.genova.nova.api.Status;
import io.github.genova.platform.Clock;
import io.github.genova.platform.VirtualClock;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The kernel's view of time: the machine clock, the semaphore deadlines, and, in virtual time, the rule
 * that time jumps to the next deadline once no EC thread can make progress. It counts the EC threads
 * that are running (not blocked); when that count drops to zero it advances the virtual clock to the
 * earliest pending deadline and times that waiter out. In real time, waiters time themselves out.
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
  private final @Nullable VirtualClock virtualClock;
  private final AtomicInteger running = new AtomicInteger();
  private final TreeSet<Timeout> timeouts = new TreeSet<>();
  private long sequence;

  TimeKeeper(Clock clock) {
    this.clock = clock;
    this.virtualClock = clock instanceof VirtualClock v ? v : null;
  }

  boolean isVirtual() {
    return virtualClock != null;
  }

  long nanos() {
    return clock.nanos();
  }

  /** Returns the number of EC threads currently able to run. */
  int running() {
    return running.get();
  }

  /** An EC thread starts running. */
  void started() {
    running.incrementAndGet();
  }

  /** An EC thread ends for good. */
  void stopped() {
    if (running.decrementAndGet() == 0) {
      idle();
    }
  }

  /** {@code ec}'s thread is about to block, until {@code deadline} (0: forever). */
  void blocking(Ec ec, long deadline) {
    if (deadline != 0 && virtualClock != null) {
      synchronized (this) {
        Timeout t = new Timeout(deadline, sequence++, ec);
        ec.timeout = t;
        timeouts.add(t);
      }
    }
    if (running.decrementAndGet() == 0) {
      idle();
    }
  }

  /** {@code ec} is being woken: it counts as running again and its deadline no longer matters. */
  void waking(Ec ec) {
    Timeout t = ec.timeout;
    if (t != null) {
      synchronized (this) {
        timeouts.remove(t);
      }
      ec.timeout = null;
    }
    running.incrementAndGet();
  }

  /** Nothing can run: in virtual time, jump to the earliest deadline and time its waiter out. */
  private void idle() {
    VirtualClock v = virtualClock;
    if (v == null) {
      return;
    }
    while (running.get() == 0) {
      Timeout next;
      synchronized (this) {
        next = timeouts.pollFirst();
      }
      if (next == null) {
        return;
      }
      next.ec.timeout = null;
      v.advanceTo(next.deadline);
      if (next.ec.cancelBlocking()) {
        next.ec.wake(Status.TIMEOUT);
        return;
      }
    }
  }
}
