package io.github.genova.nova.impl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One simulated CPU: its run queue of ready SCs in 128 priority levels (round robin within a level) and
 * the SC it runs now. At most one EC thread runs per CPU; it runs only while its SC is {@link #current}
 * (and, in deterministic mode, while the machine's dispatch token is at this CPU). All fields are guarded
 * by the scheduler lock except those the running thread owns, as marked.
 */
final class Cpu {
  /** Number of priority levels. */
  static final int PRIORITIES = 128;

  final int id;
  private final List<ArrayDeque<Sc>> levels = new ArrayList<>(PRIORITIES);
  private int highest = -1;

  /** The SC whose thread runs on this CPU, or null when idle. */
  volatile @Nullable Sc current;
  /** Set when a higher-priority SC became ready or the current SC must move: the next kernel entry switches. */
  volatile boolean reschedule;
  /** Deterministic mode: virtual time this CPU has executed (written by its running thread). */
  long localTime;
  /** Deterministic mode: the local time up to which this CPU may run before the token is reconsidered. */
  long horizon = Long.MAX_VALUE;
  /** Time this CPU spent idle until it last left idling (its idle SC's consumed time). */
  long idleNanos;
  /** When this CPU last became idle (kernel time). */
  long idleSince;
  /** Parallel mode: host nanoTime when the current SC's time was last charged (running thread only). */
  long lastCharge;
  /** Parallel mode: kernel entries since the last look at the clock (running thread only). */
  int entriesSinceClock;

  Cpu(int id) {
    this.id = id;
    for (int p = 0; p < PRIORITIES; p++) {
      levels.add(new ArrayDeque<>());
    }
  }

  /** Queues a ready SC: at the head of its level if it has budget left (it was preempted), else the tail. */
  void enqueue(Sc sc) {
    ArrayDeque<Sc> level = levels.get(sc.priority);
    if (sc.left > 0 && sc.left < sc.quantumNanos()) {
      level.addFirst(sc);
    } else {
      sc.left = sc.quantumNanos();
      level.addLast(sc);
    }
    sc.queued = true;
    highest = Math.max(highest, sc.priority);
  }

  /** Removes {@code sc} from the queue if it is queued here. */
  void dequeue(Sc sc) {
    if (sc.queued && levels.get(sc.priority).remove(sc)) {
      sc.queued = false;
      recomputeHighest();
    }
  }

  /** Returns the priority of the best ready SC, or -1 when none is ready. */
  int highestReady() {
    return highest;
  }

  /** Takes the best ready SC off the queue, or returns null. */
  @Nullable Sc poll() {
    if (highest < 0) {
      return null;
    }
    Sc sc = levels.get(highest).pollFirst();
    if (sc != null) {
      sc.queued = false;
    }
    recomputeHighest();
    return sc;
  }

  private void recomputeHighest() {
    while (highest >= 0 && levels.get(highest).isEmpty()) {
      highest--;
    }
  }

  @Override
  public String toString() {
    return "CPU " + id;
  }
}
