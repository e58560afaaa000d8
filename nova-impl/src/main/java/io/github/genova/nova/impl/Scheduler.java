package io.github.genova.nova.impl;

import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.TraceEvent.Kind;
import io.github.genova.nova.api.TraceSink;
import io.github.genova.platform.VirtualClock;
import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * NOVA's scheduler on simulated CPUs, and the dispatch of EC threads onto them.
 *
 * <p>Each CPU has a run queue of SCs in 128 priority levels; the best ready SC runs, round robin within a
 * level. A preempted SC goes back to the head of its level with the budget it had left; one whose quantum
 * ran out is refilled and goes to the tail. A higher-priority SC that becomes ready preempts the running
 * one at its next kernel entry.
 *
 * <p>An SC's EC thread runs host code only while the SC is its CPU's current SC. In {@code PARALLEL} mode
 * every CPU runs its current thread at the same time, in real time. In {@code DETERMINISTIC} mode a
 * single dispatch token moves between the busy CPUs: only the CPU holding it runs. Time is virtual: each
 * kernel entry costs {@link HypercallGate#ENTRY_NANOS} on its CPU, the token goes to the busy CPU that
 * has executed the least time (ties broken by the seeded random generator), a CPU may run at most {@link
 * #SLICE_NANOS} ahead of the others before the token is reconsidered, and when every CPU is idle the clock
 * jumps to the next deadline. Every decision depends only on the seed and the ECs' own actions, so a run
 * repeats event for event; its trace ({@link TraceEvent}s folded into {@link #traceHash()}, and handed to
 * the configured {@link TraceSink}) proves it.
 *
 * <p>Host code is preempted only at kernel entries: hypercalls (port accesses included) and page faults of
 * its memory view. Java code between two kernel entries runs to the next one undisturbed; a preemption, a
 * migration or a recall takes effect there.
 *
 * <p>Beyond upstream NOVA (and as Genode's fork offers): SCs migrate between CPUs ({@link #migrate}), and a
 * call through a portal with the cross-CPU permission runs the callee on its own CPU on a borrowed SC
 * ({@link #crossTo}).
 */
final class Scheduler {
  /** How far (in virtual time) a CPU may run ahead of another busy CPU before the token moves. */
  static final long SLICE_NANOS = 10_000;
  /** Parallel mode: how many kernel entries pass between looks at the real clock. */
  private static final int CLOCK_EVERY = 64;

  /** The kernel's time keeper, whose next deadline every entry checks. */
  private final TimeKeeper time;
  private final boolean deterministic;
  private final Cpu[] cpus;
  private final ReentrantLock lock = new ReentrantLock();
  private final SplittableRandom random;
  private final @Nullable VirtualClock virtualClock;
  /** Deterministic mode: the CPU whose current thread may run, or null when all are idle. */
  private volatile @Nullable Cpu token;
  private final @Nullable TraceSink traceSink;
  private long traceHash = 0xcbf2_9ce4_8422_2325L;
  private long traceEvents;

  Scheduler(NovaKernel kernel, boolean deterministic, int cpuCount, long seed) {
    this.time = kernel.time;
    this.deterministic = deterministic;
    this.cpus = new Cpu[cpuCount];
    for (int i = 0; i < cpuCount; i++) {
      cpus[i] = new Cpu(i);
    }
    this.random = new SplittableRandom(seed);
    this.virtualClock = kernel.machine.clock() instanceof VirtualClock v ? v : null;
    this.traceSink = kernel.config.trace();
  }

  Cpu cpu(int id) {
    return cpus[id];
  }

  /**
   * Returns whether at most one EC thread runs at any time (deterministic mode): then every handover between
   * threads passes the scheduler's lock, and state the running thread owns needs no atomic instructions.
   */
  boolean runsOneThreadAtATime() {
    return deterministic;
  }

  // --- the running thread's kernel entry ---

  /**
   * Accounts one kernel entry of the thread running on {@code sc} and switches if the scheduler says so:
   * a higher-priority SC is ready, the quantum ran out with others waiting at the same level, the SC moved
   * to another CPU, a deadline fell due or (deterministic) another CPU is due for the token.
   */
  void entry(Sc sc) {
    Cpu cpu = sc.cpu;
    if (deterministic) {
      sc.charge(HypercallGate.ENTRY_NANOS);
      long left = sc.left;
      long now = cpu.localTime += HypercallGate.ENTRY_NANOS;
      // The plain fields first, the volatile ones last: each volatile read makes the compiler reload what
      // follows it.
      if (left > 0 && now < cpu.horizon && now < time.nextDeadline() && !cpu.reschedule) {
        return; // the machine clock catches up with this CPU lazily: see now()
      }
    } else {
      if (++cpu.entriesSinceClock < CLOCK_EVERY && !cpu.reschedule) {
        return;
      }
      cpu.entriesSinceClock = 0;
      long now = System.nanoTime();
      sc.charge(now - cpu.lastCharge);
      cpu.lastCharge = now;
      if (!cpu.reschedule && sc.left > 0) {
        return;
      }
    }
    lock.lock();
    try {
      now();
      time.fireDue();
      reschedule(cpu, sc);
    } finally {
      lock.unlock();
    }
    awaitDispatch(sc);
  }

  /**
   * Returns the machine time. In deterministic mode the CPU holding the token runs ahead of the machine
   * clock between slow paths (its kernel entries only count on the CPU); reading the time first brings the
   * clock up to that CPU's executed time, so every reader sees one monotonic, deterministic time line.
   */
  long now() {
    VirtualClock clock = virtualClock;
    Cpu holder = token;
    if (clock != null && holder != null) {
      return clock.advanceTo(holder.localTime);
    }
    return time.nanos();
  }

  /**
   * The thread running on {@code sc} leaves the kernel: it switches first if something made that necessary
   * during the hypercall (a higher priority became ready, or, deterministic, the token is due elsewhere).
   */
  void exit(Sc sc) {
    Cpu cpu = sc.cpu;
    if ((!deterministic || (cpu.localTime < cpu.horizon && token == cpu)) && !cpu.reschedule) {
      return;
    }
    lock.lock();
    try {
      now();
      reschedule(cpu, sc);
    } finally {
      lock.unlock();
    }
    awaitDispatch(sc);
  }

  /** Under the lock: decides what runs next on {@code cpu}, whose current SC {@code sc} made an entry. */
  private void reschedule(Cpu cpu, Sc sc) {
    cpu.reschedule = false;
    if (cpu.current == sc) {
      boolean expired = sc.left <= 0;
      int best = cpu.highestReady();
      Cpu moveTo = sc.moveTo;
      if (moveTo != null) {
        cpu.current = null;
        sc.moveTo = null;
        sc.cpu = moveTo;
        ready(sc);
        dispatchNext(cpu);
      } else if (best > sc.priority || (expired && best == sc.priority)) {
        cpu.current = null;
        trace(expired ? Kind.EXPIRE : Kind.PREEMPT, sc);
        cpu.enqueue(sc);
        dispatchNext(cpu);
      } else if (expired) {
        sc.left = sc.quantumNanos();
      }
    }
    passToken();
  }

  /** Parks the calling thread until {@code sc} runs (is current on its CPU and, deterministic, holds the token). */
  void awaitDispatch(Sc sc) {
    if (sc.ec.thread != Thread.currentThread()) {
      throw new IllegalStateException("the hypercall gate of " + sc.ec + " is used from "
          + Thread.currentThread() + ", which does not run it: each EC's code must use its own gate");
    }
    while (!isRunningNow(sc)) {
      if (sc.retired && sc.ec.isDead()) {
        throw KernelUnwind.DEATH; // it will never run again: unwind its code (a killed EC's thread ends)
      }
      LockSupport.park(this);
    }
    if (!deterministic) {
      sc.cpu.lastCharge = System.nanoTime();
    }
  }

  /** Checks under the lock, so a thread never starts on a state another thread is still deciding. */
  private boolean isRunningNow(Sc sc) {
    lock.lock();
    try {
      return isRunning(sc);
    } finally {
      lock.unlock();
    }
  }

  private boolean isRunning(Sc sc) {
    Cpu cpu = sc.cpu;
    return cpu.current == sc && (!deterministic || token == cpu);
  }

  /** Returns how long {@code cpu} has been idle (its idle SC's time), up to now. */
  long idleNanos(Cpu cpu) {
    lock.lock();
    try {
      long idle = cpu.idleNanos;
      return cpu.current == null ? idle + Math.max(0, now() - cpu.idleSince) : idle;
    } finally {
      lock.unlock();
    }
  }

  // --- blocking and waking ---

  /**
   * The thread running on {@code sc} blocks on behalf of {@code waiter}: its CPU goes to the next ready SC
   * (or idles), unless the waiter was woken already (then it keeps running).
   */
  void block(Sc sc, @Nullable Ec waiter) {
    lock.lock();
    try {
      now();
      Cpu cpu = sc.cpu;
      if (waiter != null && waiter.isWoken()) {
        return;
      }
      if (cpu.current == sc) {
        trace(Kind.BLOCK, sc);
        cpu.current = null;
        dispatchNext(cpu);
        Cpu moveTo = sc.moveTo;
        if (moveTo != null) {
          sc.moveTo = null;
          sc.cpu = moveTo; // a migration asked for while it ran: it wakes on its new CPU
        }
        passToken();
      } else {
        cpu.dequeue(sc);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * {@code sc} can run again: queue it, or run it at once on an idle CPU; preempt a lower priority. The
   * caller is the running EC (which keeps running until its kernel exit reviews the token) or a thread
   * outside the machine (an interrupt, the embedder).
   */
  void wake(Sc sc) {
    lock.lock();
    try {
      ready(sc);
      reviewToken();
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: the token is passed now if no CPU holds it, else its holder reviews it at its kernel exit. */
  private void reviewToken() {
    Cpu holder = token;
    if (holder == null) {
      passToken();
    } else {
      holder.horizon = 0;
    }
  }

  /** A new SC exists for a thread that starts running. */
  void admit(Sc sc) {
    if (!deterministic) {
      sc.cpu.lastCharge = System.nanoTime();
    }
    wake(sc);
  }

  /** An SC goes away (its thread ended, or the object was destroyed): it is no longer scheduled. */
  void retire(Sc sc) {
    sc.retired = true;
    block(sc, null);
  }

  /**
   * Moves {@code sc} to {@code target}: at once if it is queued or blocked, at its next kernel entry if it
   * runs (the running thread finishes its step on the old CPU, then continues on the new one).
   */
  void migrate(Sc sc, Cpu target) {
    lock.lock();
    try {
      Cpu from = sc.cpu;
      if (from.current == sc) {
        sc.moveTo = from == target ? null : target;
        from.reschedule = sc.moveTo != null;
        if (sc.moveTo == null) {
          return;
        }
      } else if (from == target) {
        return;
      } else if (sc.queued) {
        from.dequeue(sc);
        sc.cpu = target;
        ready(sc);
      } else {
        sc.cpu = target;
      }
      trace(Kind.MIGRATE, sc.ec.id, from.id, target.id);
      reviewToken();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The thread running on {@code donor} calls a local EC bound to {@code target}, another CPU, through a
   * portal with the cross-CPU permission: the donor's CPU is left to others (as if the donor blocked), a
   * borrowed SC with the donor's priority and quantum is made ready on {@code target}, and the thread
   * returns once it runs there. Call {@link #crossBack} when the call is over.
   *
   * @return the borrowed SC, on which the callee runs
   */
  Sc crossTo(Sc donor, Cpu target) {
    Sc borrowed = new Sc(donor, target);
    lock.lock();
    try {
      now();
      Cpu home = donor.cpu;
      trace(Kind.CROSS_CPU, donor.ec.id, target.id, home.id);
      if (home.current == donor) {
        home.current = null;
        dispatchNext(home);
      }
      ready(borrowed);
      passToken();
    } finally {
      lock.unlock();
    }
    awaitDispatch(borrowed);
    return borrowed;
  }

  /**
   * The cross-CPU call on {@code borrowed} is over: its CPU is left, its time is charged to {@code donor}
   * (whose {@code sc_ctrl} so counts it), and the thread returns once the donor runs again on its own CPU.
   */
  void crossBack(Sc donor, Sc borrowed) {
    donor.consumedNanos += borrowed.consumedNanos;
    lock.lock();
    try {
      now();
      Cpu there = borrowed.cpu;
      if (there.current == borrowed) {
        there.current = null;
        dispatchNext(there);
      } else {
        there.dequeue(borrowed);
      }
      ready(donor);
      passToken();
    } finally {
      lock.unlock();
    }
    awaitDispatch(donor);
  }

  /**
   * Interrupt line {@code gsi}, routed to {@code cpu}, fired: the CPU takes the interrupt at its next
   * kernel entry (a preemption point), where a higher-priority SC its semaphore woke gets the CPU.
   */
  void interrupt(int gsi, int cpu) {
    lock.lock();
    try {
      trace(Kind.INTERRUPT, -1, cpu, gsi);
      cpus[cpu].reschedule = true;
    } finally {
      lock.unlock();
    }
  }

  /** Under the lock: makes {@code sc} ready on its CPU. */
  private void ready(Sc sc) {
    Cpu cpu = sc.cpu;
    if (cpu.current == sc || sc.queued) {
      return;
    }
    trace(Kind.READY, sc);
    Sc running = cpu.current;
    if (running == null) {
      run(cpu, sc);
      return;
    }
    cpu.enqueue(sc);
    if (sc.priority > running.priority) {
      cpu.reschedule = true;
    }
  }

  /** Under the lock: makes the best ready SC of {@code cpu} current, or leaves it idle. */
  private void dispatchNext(Cpu cpu) {
    Sc next = cpu.poll();
    if (next != null) {
      run(cpu, next);
    } else {
      cpu.idleSince = Math.max(cpu.localTime, now()); // the idle SC runs
    }
  }

  private void run(Cpu cpu, Sc sc) {
    if (cpu.current == null) {
      long behind = now();
      if (cpu.localTime < behind) {
        cpu.localTime = behind; // an idle CPU's time catches up with the machine's
      }
      long start = deterministic ? cpu.localTime : behind;
      cpu.idleNanos += Math.max(0, start - cpu.idleSince);
    }
    cpu.current = sc;
    trace(Kind.DISPATCH, sc);
    Thread thread = sc.ec.thread;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Under the lock, deterministic mode: gives the token to the busy CPU that executed the least time (ties
   * by the seeded generator) and tells it how far it may run; when no CPU is busy, lets virtual time jump
   * to the next deadline. Parallel mode: nothing to do.
   */
  private void passToken() {
    if (!deterministic) {
      return;
    }
    while (true) {
      // One pass, no allocation: the least local time, the runner-up, and among equals a uniform choice
      // by the seeded generator (reservoir sampling).
      Cpu chosen = null;
      int ties = 0;
      long min = Long.MAX_VALUE;
      long second = Long.MAX_VALUE;
      for (Cpu c : cpus) {
        if (c.current == null) {
          continue;
        }
        long t = c.localTime;
        if (t < min) {
          second = min;
          min = t;
          chosen = c;
          ties = 1;
        } else if (t == min) {
          second = min;
          if (random.nextInt(++ties) == 0) {
            chosen = c;
          }
        } else if (t < second) {
          second = t;
        }
      }
      if (chosen != null) {
        chosen.horizon = second == Long.MAX_VALUE ? Long.MAX_VALUE : second + SLICE_NANOS;
        if (token != chosen) {
          token = chosen;
          Sc sc = chosen.current;
          if (sc != null) {
            trace(Kind.TOKEN, sc);
            LockSupport.unpark(sc.ec.thread);
          }
        }
        return;
      }
      token = null;
      if (!time.jumpToNextDeadline()) {
        return; // everything blocked with no deadline pending: the machine waits for an interrupt
      }
    }
  }

  // --- trace ---

  private void trace(Kind kind, Sc sc) {
    trace(kind, sc.ec.id, sc.cpu.id, 0);
  }

  /**
   * Records a step of the trace: folds it into the trace hash (FNV-1a over kind, EC, CPU, time and
   * detail) and hands it to the trace sink, if there is one. Takes the scheduler lock (reentrantly), so
   * steps from any thread are totally ordered.
   */
  void trace(Kind kind, long ec, int cpu, long detail) {
    lock.lock();
    try {
      long now = now();
      long h = traceHash;
      h = (h ^ kind.name().hashCode()) * 0x100_0000_01b3L; // String.hashCode is specified: stable
      h = (h ^ ec) * 0x100_0000_01b3L;
      h = (h ^ cpu) * 0x100_0000_01b3L;
      h = (h ^ now) * 0x100_0000_01b3L;
      h = (h ^ detail) * 0x100_0000_01b3L;
      traceHash = h;
      traceEvents++;
      TraceSink sink = traceSink;
      if (sink != null) {
        sink.record(new TraceEvent(now, cpu, ec, kind, detail));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Returns the hash of every scheduling decision so far, and how many there were. */
  long traceHash() {
    lock.lock();
    try {
      return traceHash ^ traceEvents;
    } finally {
      lock.unlock();
    }
  }
}
