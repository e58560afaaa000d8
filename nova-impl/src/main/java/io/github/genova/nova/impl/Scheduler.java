package io.github.genova.nova.impl;

import io.github.genova.platform.VirtualClock;
import java.util.ArrayList;
import java.util.List;
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
 * repeats event for event; its trace hash ({@link #traceHash()}) proves it.
 *
 * <p>Host code is preempted only at kernel entries (hypercalls, memory slow paths, explicit yields).
 */
final class Scheduler {
  /** How far (in virtual time) a CPU may run ahead of another busy CPU before the token moves. */
  static final long SLICE_NANOS = 10_000;
  /** Parallel mode: how many kernel entries pass between looks at the real clock. */
  private static final int CLOCK_EVERY = 64;

  private final NovaKernel kernel;
  private final boolean deterministic;
  private final Cpu[] cpus;
  private final ReentrantLock lock = new ReentrantLock();
  private final SplittableRandom random;
  private final @Nullable VirtualClock virtualClock;
  /** Deterministic mode: the CPU whose current thread may run, or null when all are idle. */
  private volatile @Nullable Cpu token;
  private long traceHash = 0xcbf2_9ce4_8422_2325L;
  private long traceEvents;
  /** When set, every traced event is also recorded here in words (for finding where two runs diverge). */
  @Nullable List<String> traceLog;

  Scheduler(NovaKernel kernel, boolean deterministic, int cpuCount, long seed) {
    this.kernel = kernel;
    this.deterministic = deterministic;
    this.cpus = new Cpu[cpuCount];
    for (int i = 0; i < cpuCount; i++) {
      cpus[i] = new Cpu(i);
    }
    this.random = new SplittableRandom(seed);
    this.virtualClock = kernel.machine.clock() instanceof VirtualClock v ? v : null;
  }

  Cpu cpu(int id) {
    return cpus[id];
  }

  boolean isDeterministic() {
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
      long now = cpu.localTime += HypercallGate.ENTRY_NANOS;
      if (!cpu.reschedule && sc.left > 0 && now < cpu.horizon && now < kernel.time.nextDeadline()) {
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
      kernel.time.fireDue();
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
    return kernel.time.nanos();
  }

  /**
   * The thread running on {@code sc} leaves the kernel: it switches first if something made that necessary
   * during the hypercall (a higher priority became ready, or, deterministic, the token is due elsewhere).
   */
  void exit(Sc sc) {
    Cpu cpu = sc.cpu;
    if (!cpu.reschedule && (!deterministic || (token == cpu && cpu.localTime < cpu.horizon))) {
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
      if (sc.cpu != cpu || best > sc.priority || (expired && best == sc.priority)) {
        cpu.current = null;
        trace(expired ? 'E' : 'P', sc);
        if (sc.cpu == cpu) {
          cpu.enqueue(sc);
        } else {
          ready(sc);
        }
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
        trace('B', sc);
        cpu.current = null;
        dispatchNext(cpu);
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
      Cpu holder = token;
      if (holder == null) {
        passToken();
      } else {
        holder.horizon = 0; // the holder reviews the token at its kernel exit
      }
    } finally {
      lock.unlock();
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
    block(sc, null);
  }

  /** Moves {@code sc} to {@code target}: at once if it waits in a queue, at its next kernel entry if it runs. */
  void migrate(Sc sc, Cpu target) {
    lock.lock();
    try {
      Cpu from = sc.cpu;
      if (from == target) {
        return;
      }
      trace('M', sc);
      if (sc.queued) {
        from.dequeue(sc);
        sc.cpu = target;
        ready(sc);
      } else {
        sc.cpu = target;
        if (from.current == sc) {
          from.reschedule = true;
        }
      }
      Cpu holder = token;
      if (holder == null) {
        passToken();
      } else {
        holder.horizon = 0;
      }
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
    trace('R', sc);
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
    }
  }

  private void run(Cpu cpu, Sc sc) {
    if (cpu.current == null) {
      long behind = now();
      if (cpu.localTime < behind) {
        cpu.localTime = behind; // an idle CPU's time catches up with the machine's
      }
    }
    cpu.current = sc;
    trace('D', sc);
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
      List<Cpu> least = new ArrayList<>(cpus.length);
      long min = Long.MAX_VALUE;
      long second = Long.MAX_VALUE;
      for (Cpu c : cpus) {
        if (c.current == null) {
          continue;
        }
        if (c.localTime < min) {
          second = min;
          min = c.localTime;
          least.clear();
          least.add(c);
        } else if (c.localTime == min) {
          least.add(c);
          second = min;
        } else if (c.localTime < second) {
          second = c.localTime;
        }
      }
      if (!least.isEmpty()) {
        Cpu chosen = least.size() == 1 ? least.getFirst() : least.get(random.nextInt(least.size()));
        chosen.horizon = second == Long.MAX_VALUE ? Long.MAX_VALUE : second + SLICE_NANOS;
        if (token != chosen) {
          token = chosen;
          Sc sc = chosen.current;
          if (sc != null) {
            trace('T', sc);
            LockSupport.unpark(sc.ec.thread);
          }
        }
        return;
      }
      token = null;
      if (!kernel.time.jumpToNextDeadline()) {
        return; // everything blocked with no deadline pending: the machine waits for an interrupt
      }
    }
  }

  /** Raises a deterministic-mode preemption on every CPU so time-based events are looked at soon. */
  void poke() {
    for (Cpu c : cpus) {
      c.reschedule = true;
    }
  }

  // --- trace ---

  /** Under the lock: folds a scheduling event into the trace hash (FNV-1a over kind, EC id, CPU, time). */
  private void trace(char kind, Sc sc) {
    long h = traceHash;
    h = (h ^ kind) * 0x100_0000_01b3L;
    h = (h ^ sc.ec.id) * 0x100_0000_01b3L;
    h = (h ^ sc.cpu.id) * 0x100_0000_01b3L;
    h = (h ^ now()) * 0x100_0000_01b3L;
    traceHash = h;
    traceEvents++;
    List<String> log = traceLog;
    if (log != null) {
      log.add(kind + " ec" + sc.ec.id + " cpu" + sc.cpu.id + " t" + now());
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

  ReentrantLock lock() {
    return lock;
  }
}
