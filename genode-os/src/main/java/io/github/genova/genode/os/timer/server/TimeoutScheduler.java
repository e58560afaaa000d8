package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.sync.Mutex;
import io.github.genova.genode.os.timer.pit.PitTimeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Multiplexes every session's timeouts onto the single one-shot PIT: the time source is always programmed
 * for the earliest deadline (earliest deadline first; equal deadlines in scheduling order), or for its
 * longest count when nothing is scheduled (so that time keeps being kept), and timeouts longer than one
 * programming are reached by a chain of programmings. A periodic timeout's next deadline is its previous
 * deadline plus the period, never the time it was handled plus the period, so it does not drift. Timeouts
 * are independent: scheduling or discarding one never moves another's deadline.
 *
 * <p>The interrupt thread calls {@link #handleIrq()} after every IRQ 0; session code calls {@link #schedule}
 * and {@link #discard} from any thread of the timer's PD. Handlers run outside the scheduler's mutex.
 */
public final class TimeoutScheduler {
  private final PitTimeSource timeSource;
  private final Mutex mutex = new Mutex();
  private final PriorityQueue<Timeout> queue = new PriorityQueue<>(
      Comparator.<Timeout>comparingLong(t -> t.deadlineUs).thenComparingLong(t -> t.sequence));
  private long nextSequence;
  private long programmedDeadlineUs = Long.MAX_VALUE;

  /** Creates the scheduler on {@code timeSource}, which it owns from now on. */
  public TimeoutScheduler(PitTimeSource timeSource) {
    this.timeSource = timeSource;
  }

  /** Returns the current time in µs since the time source started; monotonic. */
  public long currentTimeUs() {
    mutex.acquire();
    try {
      return timeSource.currentTimeUs();
    } finally {
      mutex.release();
    }
  }

  /**
   * Schedules {@code timeout} to expire {@code durationUs} µs from now, and then every {@code durationUs}
   * µs if {@code periodic}; replaces its pending deadline.
   *
   * @throws IllegalArgumentException if {@code durationUs} is negative, or zero for a periodic timeout
   */
  public void schedule(Timeout timeout, long durationUs, boolean periodic) {
    if (durationUs < 0 || (periodic && durationUs == 0)) {
      throw new IllegalArgumentException(
          (periodic ? "a period must be positive: " : "a timeout cannot be negative: ") + durationUs + " us");
    }
    mutex.acquire();
    try {
      if (timeout.scheduled) {
        queue.remove(timeout);
      }
      long now = timeSource.currentTimeUs();
      timeout.deadlineUs = saturatedAdd(now, durationUs);
      timeout.periodUs = periodic ? durationUs : 0;
      timeout.sequence = nextSequence++;
      timeout.scheduled = true;
      queue.add(timeout);
      if (timeout.deadlineUs < programmedDeadlineUs) {
        program(now);
      }
    } finally {
      mutex.release();
    }
  }

  /** Discards {@code timeout}'s pending deadline, if any; other timeouts are not affected. */
  public void discard(Timeout timeout) {
    mutex.acquire();
    try {
      if (timeout.scheduled) {
        queue.remove(timeout);
        timeout.scheduled = false;
      }
    } finally {
      mutex.release();
    }
  }

  /** Returns whether {@code timeout} has a pending deadline. */
  public boolean scheduled(Timeout timeout) {
    mutex.acquire();
    try {
      return timeout.scheduled;
    } finally {
      mutex.release();
    }
  }

  /**
   * Handles IRQ 0: expires every timeout whose deadline has come (re-arming periodic ones one period after
   * their previous deadline), programs the time source for the next deadline, then runs the handlers.
   */
  public void handleIrq() {
    List<Timeout> expired = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    mutex.acquire();
    try {
      long now = timeSource.currentTimeUs();
      while (!queue.isEmpty() && queue.peek().deadlineUs <= now) {
        Timeout t = queue.poll();
        int count = 1;
        if (t.periodUs > 0) {
          long missed = (now - t.deadlineUs) / t.periodUs; // periods that passed without an interrupt
          count = (int) Math.min(Integer.MAX_VALUE, missed + 1);
          long step = missed + 1 > Long.MAX_VALUE / t.periodUs ? Long.MAX_VALUE : (missed + 1) * t.periodUs;
          t.deadlineUs = saturatedAdd(t.deadlineUs, step);
          t.sequence = nextSequence++;
          queue.add(t);
        } else {
          t.scheduled = false;
        }
        expired.add(t);
        counts.add(count);
      }
      program(now);
    } finally {
      mutex.release();
    }
    for (int i = 0; i < expired.size(); i++) {
      expired.get(i).expired(counts.get(i));
    }
  }

  /** Serves IRQ 0 for good: the interrupt thread's loop. */
  public void serveIrqs() {
    while (true) {
      timeSource.waitForIrq();
      handleIrq();
    }
  }

  /** Programs the time source for the earliest deadline (its longest count when there is none). */
  private void program(long now) {
    Timeout head = queue.peek();
    if (head == null) {
      programmedDeadlineUs = Long.MAX_VALUE;
      timeSource.scheduleTimeout(timeSource.maxTimeoutUs());
      return;
    }
    long wait = Math.max(0, head.deadlineUs - now);
    long max = timeSource.maxTimeoutUs();
    // a chain's last step is kept at the floor or above, so that the floor does not delay its deadline
    long step = wait > max ? Math.min(max, wait - PitTimeSource.MIN_TIMEOUT_US) : wait;
    int ticks = timeSource.scheduleTimeout(step);
    long covered = PitTimeSource.ticksToUs(ticks);
    // A deadline beyond one programming is reached in steps; until then an earlier one must reprogram.
    programmedDeadlineUs = covered >= wait ? head.deadlineUs : now + covered;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
  }
}
