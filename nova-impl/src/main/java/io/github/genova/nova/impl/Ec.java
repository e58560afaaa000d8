package io.github.genova.nova.impl;

import io.github.genova.nova.api.HostCode;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.TraceEvent;
import io.github.genova.nova.api.Utcb;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * An execution context: an activity of one PD, bound to one CPU, with a UTCB, an event-selector base and
 * (for host ECs) a Java program. Three kinds, fixed at creation:
 *
 * <ul>
 *   <li><b>local</b>: portals are bound to it and it runs only when one of them is called, on the caller's
 *       Java thread and SC. It serves one call at a time; further callers help (wait) in FIFO order.
 *   <li><b>global</b>: SCs are bound to it; its first SC gives it a Java thread, which delivers STARTUP
 *       and then runs its program.
 *   <li><b>vCPU</b>: a virtual CPU (needs VMX/SVM, which the simulated machine does not offer).
 * </ul>
 *
 * <p>An EC dies when it is destroyed or killed by an unhandled exception: its pending blocking ends with
 * ABORTED, callers waiting for it get TIMEOUT, and its host code is unwound at its next kernel entry.
 */
final class Ec extends Kobject implements Blocker {
  /** The three kinds of EC. */
  enum Kind {
    LOCAL,
    GLOBAL,
    VCPU
  }

  private static final VarHandle SERVER;

  static {
    try {
      SERVER = MethodHandles.lookup().findVarHandle(Ec.class, "server", Thread.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Creation number: a stable name for traces (deterministic in deterministic mode). */
  final long id;
  final Pd pd;
  final Kind kind;
  final @Nullable Utcb utcb;
  /** The words of the UTCB (the heap page {@link #utcb} views), for the IPC path's copies. */
  final long @Nullable [] utcbWords;
  final long utcbAddress;
  /** The PD's mapping of the UTCB page (a root node of its memory space), or null without a UTCB. */
  private final @Nullable MdbNode utcbMapping;
  /** The kernel frame of the UTCB until it goes back to the kernel; -1 without one. Guarded by this. */
  private long utcbFrame;
  /** Whether the last reference went (see {@link #destroy}). Guarded by this. */
  private boolean destroyed;
  /** Global ECs: whether its thread was started and has not ended yet. */
  volatile boolean threadRunning;
  final long evtBase;
  final @Nullable HostCode code;
  final HypercallGate gate;
  volatile int cpu;
  /** The kernel runs one EC thread at a time ({@link Scheduler#runsOneThreadAtATime}). */
  private final boolean oneThreadAtATime;

  /** Architectural state visible to event handlers: ip, sp, flags, the 16 GPRs (index as in the UTCB). */
  long ip;
  long flags = 0x202;
  final long[] gpr = new long[16];

  // Serving (local ECs): the thread running the call in progress (a call runs on its caller's thread), or
  // null while the EC is free.
  private volatile @Nullable Thread server;
  private final ArrayDeque<Ec> helpers = new ArrayDeque<>();
  private volatile int helperCount;
  /** The SC this EC runs on now: its own (global) or the caller's (local, while serving). */
  @Nullable Sc currentSc;

  // Blocking.
  private volatile @Nullable Status wakeStatus;
  private volatile @Nullable Thread blockedThread;
  private volatile @Nullable Blocker blockedOn;
  TimeKeeper.@Nullable Timeout timeout;

  // Life.
  private volatile boolean dead;
  private @Nullable String deathReason;
  volatile boolean recallPending;
  final List<Sc> scs = new ArrayList<>(1);
  volatile @Nullable Thread thread;

  Ec(NovaKernel kernel, Pd pd, Kind kind, int cpu, @Nullable Utcb utcb, long @Nullable [] utcbWords, long utcbAddress,
      @Nullable MdbNode utcbMapping, long utcbFrame, long sp, long evtBase, @Nullable HostCode code) {
    super(kernel, Type.EC);
    this.id = kernel.nextEcId();
    this.pd = pd;
    this.kind = kind;
    this.cpu = cpu;
    this.oneThreadAtATime = kernel.scheduler.runsOneThreadAtATime();
    this.utcb = utcb;
    this.utcbWords = utcbWords;
    this.utcbAddress = utcbAddress;
    this.utcbMapping = utcbMapping;
    this.utcbFrame = utcbFrame;
    this.evtBase = evtBase;
    this.code = code;
    this.gpr[4] = sp;
    this.gate = new HypercallGate(this);
    pd.acquire();
  }

  boolean isDead() {
    return dead;
  }

  /** Returns why the EC was killed, or null while it lives. */
  synchronized @Nullable String deathReason() {
    return deathReason;
  }

  boolean isGlobal() {
    return kind == Kind.GLOBAL;
  }

  // --- serving one call at a time (local ECs) ---

  /**
   * Takes this local EC for a call by {@code caller}, made on the current thread: at once when free, else
   * (unless {@code nonBlocking}) after the earlier callers, in FIFO order. A caller whose own thread is
   * serving this EC already (it calls an EC further down its own call chain, say its own portal), or whose
   * wait would close a cycle of helping threads (see {@link Helping}), could only wait for itself: NOVA's
   * helping would loop until its livelock limit kills the helper, so this answers ABORTED at once and the
   * caller is killed.
   *
   * @return SUCCESS when taken; TIMEOUT when busy and non-blocking, or when the EC is dead; ABORTED when
   *     the callee waits, directly or through nested calls, for the caller
   */
  Status take(Ec caller, boolean nonBlocking) {
    Thread me = Thread.currentThread();
    if (helperCount == 0 && claim(me)) {
      return dead ? releaseDead() : Status.SUCCESS;
    }
    if (nonBlocking) {
      return Status.TIMEOUT;
    }
    if (server == me || !kernel.helping.startWaiting(me, this)) {
      return Status.ABORTED;
    }
    try {
      synchronized (this) {
        if (dead) {
          return Status.TIMEOUT;
        }
        if (helperCount == 0 && SERVER.compareAndSet(this, null, me)) {
          return Status.SUCCESS;
        }
        caller.prepareBlock(this);
        helpers.add(caller);
        helperCount = helpers.size();
      }
      // Woken with SUCCESS when handed this EC (free() makes the caller's thread its server), TIMEOUT if it
      // died.
      return caller.block(0);
    } finally {
      kernel.helping.stopWaiting(me);
    }
  }

  /**
   * Makes the current thread this free EC's server, or returns false if it is not free. With one thread
   * running at a time no other thread can race for it, so a plain read and write do (no locked
   * instruction on the IPC path); otherwise a compare-and-set decides.
   */
  private boolean claim(Thread me) {
    if (!oneThreadAtATime) {
      return SERVER.compareAndSet(this, null, me);
    }
    if (SERVER.get(this) != null) {
      return false;
    }
    SERVER.set(this, me);
    return true;
  }

  /** Returns the thread running this local EC's current invocation, or null while it is free. */
  @Nullable Thread server() {
    return server;
  }

  private Status releaseDead() {
    server = null;
    returnUtcbIfUnused();
    return Status.TIMEOUT;
  }

  /** Frees this local EC after a call, handing it to the oldest waiting caller if there is one. */
  void free() {
    currentSc = null;
    if (helperCount == 0) {
      if (oneThreadAtATime) {
        SERVER.set(this, null); // plain: see claim
      } else {
        server = null; // volatile: ordered before the second look at the helpers below
      }
      if (dead) {
        returnUtcbIfUnused(); // its code has unwound: a destroyed EC's UTCB frame may go back now
      }
      // With one thread at a time no caller can have queued since the first look: it would have run meanwhile.
      if (oneThreadAtATime || helperCount == 0) {
        return;
      }
      if (!SERVER.compareAndSet(this, null, Thread.currentThread())) {
        return; // a new caller took it; its free() hands over
      }
    }
    Ec next;
    synchronized (this) {
      next = helpers.poll();
      helperCount = helpers.size();
      if (next == null) {
        server = null;
        return;
      }
      server = next.blockedThread;
    }
    next.wake(Status.SUCCESS);
  }

  @Override
  public synchronized boolean cancel(Ec waiter) {
    boolean removed = helpers.remove(waiter);
    helperCount = helpers.size();
    return removed;
  }

  // --- blocking ---

  /** Records that the current thread is about to block this EC on {@code blocker}. */
  void prepareBlock(Blocker blocker) {
    wakeStatus = null;
    blockedThread = Thread.currentThread();
    blockedOn = blocker;
  }

  /**
   * Blocks the current thread, which runs on this EC's current SC, until {@link #wake} (or the deadline, an
   * absolute kernel time; 0 = none), and until the scheduler runs it again. Call after {@link
   * #prepareBlock} and after making the EC findable by its waker.
   */
  Status block(long deadline) {
    Sc sc = currentSc;
    if (sc == null) {
      throw new IllegalStateException(this + " blocks without an SC");
    }
    Scheduler scheduler = kernel.scheduler;
    TimeKeeper time = kernel.time;
    if (deadline != 0) {
      time.add(this, deadline);
    }
    scheduler.block(sc, this);
    Status status;
    while ((status = wakeStatus) == null) {
      if (deadline != 0 && !time.isVirtual()) {
        long wait = deadline - kernel.nanos();
        if (wait <= 0) {
          timeOut();
          Thread.onSpinWait();
          continue;
        }
        LockSupport.parkNanos(this, wait);
      } else {
        LockSupport.park(this);
      }
    }
    scheduler.awaitDispatch(sc);
    blockedOn = null;
    blockedThread = null;
    return status;
  }

  /** Returns whether a {@link #wake} arrived since the last {@link #prepareBlock}. */
  boolean isWoken() {
    return wakeStatus != null;
  }

  /** Takes this EC off whatever it is blocked on; returns whether the caller now owns waking it. */
  boolean cancelBlocking() {
    Blocker on = blockedOn;
    return on != null && on.cancel(this);
  }

  /** Its deadline passed: wakes this EC with TIMEOUT unless something else woke it first. */
  void timeOut() {
    if (cancelBlocking()) {
      kernel.scheduler.trace(TraceEvent.Kind.TIMEOUT, id, cpu, 0);
      wake(Status.TIMEOUT);
    }
  }

  /** Wakes this EC with {@code status}: the caller has just removed it from its blocker. */
  void wake(Status status) {
    kernel.time.remove(this);
    Thread t = blockedThread;
    wakeStatus = status;
    Sc sc = currentSc;
    if (sc != null) {
      kernel.scheduler.wake(sc);
    }
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  // --- death ---

  /**
   * Kills this EC: wakes it if blocked (ABORTED) and turns away everyone waiting for it (TIMEOUT).
   *
   * @param reason why, for the kernel log and the embedder
   */
  void kill(String reason) {
    synchronized (this) {
      if (dead) {
        return;
      }
      deathReason = reason;
      dead = true;
    }
    kernel.log(this + " killed: " + reason);
    kernel.scheduler.trace(TraceEvent.Kind.KILL, id, cpu, 0);
    if (cancelBlocking()) {
      wake(Status.ABORTED);
    }
    while (true) {
      Ec helper;
      synchronized (this) {
        helper = helpers.poll();
        helperCount = helpers.size();
      }
      if (helper == null) {
        break;
      }
      helper.wake(Status.TIMEOUT);
    }
    Thread t = thread;
    if (t != null && t != Thread.currentThread()) {
      LockSupport.unpark(t);
    }
  }

  /**
   * Destroys the EC: kills it, unmaps its UTCB from its PD (with every mapping derived from it) and gives
   * the UTCB frame back to the kernel as soon as none of its code can touch the page any more: at once if
   * none runs, else when the running code has unwound (see {@link #returnUtcbIfUnused}). Caller holds the
   * capability lock.
   */
  @Override
  void destroy() {
    kill("its last capability was revoked");
    MdbNode mapping = utcbMapping;
    if (mapping != null) {
      kernel.mdb.unmap(mapping);
    }
    synchronized (this) {
      destroyed = true;
    }
    returnUtcbIfUnused();
    pd.release();
  }

  /**
   * Gives the UTCB frame back to the kernel if the EC is destroyed and no code of it runs: a local EC
   * serves no call, a global EC's thread never started or has ended. Called when one of these conditions
   * may have become true; the frame goes back exactly once.
   */
  void returnUtcbIfUnused() {
    long frame;
    synchronized (this) {
      boolean running = kind == Kind.LOCAL ? server != null : threadRunning;
      if (!destroyed || utcbFrame < 0 || running) {
        return;
      }
      frame = utcbFrame;
      utcbFrame = -1;
    }
    kernel.retired(this, frame);
  }

  @Override
  public String toString() {
    return kind.name().toLowerCase(java.util.Locale.ROOT) + " EC of " + pd.name + " on CPU " + cpu;
  }
}
