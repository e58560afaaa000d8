package io.github.genova.platform;

import java.util.Arrays;

/**
 * The machine's timer events: device {@link Deadline}s on the machine {@link Clock}, fired in order of
 * their absolute time (ties in the order they were armed). Devices never tick: a PIT or RTC computes when
 * its output next changes and arms a deadline for that instant.
 *
 * <p>Whoever runs the machine drives the queue: the kernel calls {@link #fireDue()} at kernel entries and,
 * in virtual time with every CPU idle, moves the clock to {@link #nextDeadline()} first; a CPU engine does
 * the same at block boundaries. Nothing here reads the host clock or starts a thread, so in virtual time the
 * same schedule gives the same events. Thread-safe; actions run on the firing thread, outside the queue's
 * lock, so an action may re-arm its own or any other deadline.
 */
public final class DeadlineQueue {
  private final Clock clock;
  private Deadline[] armed = new Deadline[8];
  private int count;
  private long sequence;
  private volatile long next = Long.MAX_VALUE;

  /** Creates an empty queue on {@code clock}. */
  public DeadlineQueue(Clock clock) {
    this.clock = clock;
  }

  /** Returns the clock the deadlines are measured on. */
  public Clock clock() {
    return clock;
  }

  /**
   * Creates a disarmed deadline that runs {@code action} when it falls due.
   *
   * @param name what the deadline is for, for diagnostics (e.g. {@code "PIT channel 0"})
   */
  public Deadline create(String name, Runnable action) {
    return new Deadline(this, name, action);
  }

  /** Returns the earliest armed deadline in clock nanoseconds, or {@link Long#MAX_VALUE} if none is armed. */
  public long nextDeadline() {
    return next;
  }

  /**
   * Fires, in order, every deadline whose time has come by the clock's current reading, including those
   * armed by the actions themselves for a time already reached.
   *
   * @return how many deadlines fired
   */
  public int fireDue() {
    int fired = 0;
    while (true) {
      Deadline due;
      long now = clock.nanos();
      synchronized (this) {
        if (count == 0 || armed[0].at > now) {
          return fired;
        }
        due = armed[0];
        removeAt(0);
      }
      due.action.run();
      fired++;
    }
  }

  /**
   * Virtual time: fires every deadline up to {@code time} in order, moving the clock to each one before
   * it fires, and leaves the clock at {@code time}. A test or an idle loop uses it to let devices run for a
   * stretch of virtual time.
   *
   * @throws IllegalStateException if the clock is not a {@link VirtualClock}
   * @return how many deadlines fired
   */
  public int runUntil(long time) {
    if (!(clock instanceof VirtualClock virtual)) {
      throw new IllegalStateException("runUntil needs virtual time; this machine runs on real time");
    }
    int fired = 0;
    while (true) {
      long due = next;
      if (due > time) {
        break;
      }
      virtual.advanceTo(due);
      fired += fireDue();
    }
    virtual.advanceTo(time);
    return fired + fireDue();
  }

  synchronized void arm(Deadline d, long at) {
    if (d.index >= 0) {
      removeAt(d.index);
    }
    d.at = at;
    d.sequence = sequence++;
    if (count == armed.length) {
      armed = Arrays.copyOf(armed, count * 2);
    }
    armed[count] = d;
    d.index = count++;
    siftUp(d.index);
    if (armed[0] == d) {
      notifyAll(); // a real-time driver may be sleeping until a later deadline
    }
    next = armed[0].at;
  }

  /**
   * Real time: blocks until the earliest deadline has come (or something is armed earlier).
   *
   * @throws InterruptedException if the waiting thread is interrupted
   */
  synchronized void awaitDue() throws InterruptedException {
    while (true) {
      long now = clock.nanos();
      if (count > 0 && armed[0].at <= now) {
        return;
      }
      if (count == 0) {
        wait();
      } else {
        long nanos = armed[0].at - now;
        wait(nanos / 1_000_000, (int) (nanos % 1_000_000));
      }
    }
  }

  synchronized void cancel(Deadline d) {
    if (d.index >= 0) {
      removeAt(d.index);
    }
  }

  synchronized boolean isArmed(Deadline d) {
    return d.index >= 0;
  }

  private void removeAt(int i) {
    Deadline gone = armed[i];
    gone.index = -1;
    count--;
    if (i != count) {
      armed[i] = armed[count];
      armed[i].index = i;
      siftDown(i);
      siftUp(i);
    }
    next = count == 0 ? Long.MAX_VALUE : armed[0].at;
  }

  private static boolean before(Deadline a, Deadline b) {
    return a.at < b.at || (a.at == b.at && a.sequence < b.sequence);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(armed[i], armed[parent])) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int left = 2 * i + 1;
      if (left >= count) {
        return;
      }
      int least = left + 1 < count && before(armed[left + 1], armed[left]) ? left + 1 : left;
      if (!before(armed[least], armed[i])) {
        return;
      }
      swap(i, least);
      i = least;
    }
  }

  private void swap(int i, int j) {
    Deadline t = armed[i];
    armed[i] = armed[j];
    armed[j] = t;
    armed[i].index = i;
    armed[j].index = j;
  }
}
