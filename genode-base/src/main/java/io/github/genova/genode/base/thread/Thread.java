package io.github.genova.genode.base.thread;

import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.nova.StackArea;
import io.github.genova.genode.base.sync.Blockade;
import io.github.genova.nova.api.Hypercalls;
import org.jspecify.annotations.Nullable;

/**
 * A Genode thread: a global EC with its own scheduling context on a chosen CPU (its affinity), its UTCB at
 * the top of its own 1 MiB stack-area slot, and its one blocking semaphore. {@link #start()} creates them;
 * the EC then runs {@link #entry()} exactly once on its own Java thread. Subclasses implement {@link
 * #entry()}.
 */
@SuppressWarnings("AvoidCommonTypeNames") // Genode's own name; java.lang.Thread is the host's
public abstract class Thread {
  private final NativePd pd;
  private final String name;
  private final int cpu;
  private final Blockade exited = new Blockade();
  private volatile boolean started;
  private int slot = -1;
  private long ec;
  private long sc;
  private long blockingSemaphore;

  /**
   * Creates a thread of {@code pd} named {@code name} for CPU {@code cpu}; nothing runs before {@link
   * #start()}.
   */
  protected Thread(NativePd pd, String name, int cpu) {
    this.pd = pd;
    this.name = name;
    this.cpu = cpu;
  }

  /** The thread's code; runs once, on the thread. */
  protected abstract void entry();

  /**
   * Creates the thread's EC, semaphore and SC; the thread starts running {@link #entry()}.
   *
   * @throws IllegalStateException if the thread was started before
   */
  public final void start() {
    synchronized (this) {
      if (started) {
        throw new IllegalStateException("thread '" + name + "' was started before");
      }
      started = true;
    }
    slot = pd.stackArea().alloc();
    blockingSemaphore = pd.createSemaphore(0);
    ec = pd.createGlobalEc(cpu, slot, this::run);
    sc = pd.createSc(ec);
  }

  private void run(Hypercalls self, long ip, long arg) {
    NativeThread me = new NativeThread(pd, self, ec, blockingSemaphore, name);
    me.owner(this);
    NativeThread.slot().set(me);
    try {
      entry();
    } finally {
      exited.wakeup();
    }
  }

  /** Waits until {@link #entry()} has returned (or thrown). */
  public final void join() {
    exited.block();
    exited.wakeup(); // for further joiners
  }

  /**
   * Returns the calling Genode thread, or null when called by a component's main thread or an entrypoint
   * (Genode's {@code Thread::myself()}).
   */
  public static @Nullable Thread myself() {
    NativeThread current = NativeThread.slot().get();
    return current != null && current.owner() instanceof Thread t ? t : null;
  }

  /**
   * Wakes the thread from whatever lock, semaphore or blockade it blocks in: it gets {@link
   * io.github.genova.genode.base.sync.BlockingCanceledException} (classic Genode). A cancel sent while it
   * does not block is remembered and cancels its next blocking.
   */
  public final void cancelBlocking() {
    if (!started) {
      return;
    }
    NativeThread.current().gate().smUp(blockingSemaphore);
  }

  /** Returns the thread's name. */
  public final String name() {
    return name;
  }

  /** Returns the CPU the thread runs on. */
  public final int cpu() {
    return cpu;
  }

  /** Returns the thread's stack-area slot, or -1 before {@link #start()}. */
  public final int stackSlot() {
    return slot;
  }

  /** Returns the virtual address of the thread's UTCB (top page of its slot), or 0 before {@link #start()}. */
  public final long utcbAddress() {
    return slot < 0 ? 0 : StackArea.utcbAddress(slot);
  }

  /** Returns the thread's initial stack pointer (in its slot), or 0 before {@link #start()}. */
  public final long stackTop() {
    return slot < 0 ? 0 : StackArea.stackTop(slot);
  }

  /** Returns the selector of the thread's EC (0 before {@link #start()}). */
  public final long ec() {
    return ec;
  }

  /** Returns the selector of the thread's SC (0 before {@link #start()}). */
  public final long sc() {
    return sc;
  }

  /** Returns the selector of the thread's blocking semaphore (0 before {@link #start()}). */
  public final long blockingSemaphore() {
    return blockingSemaphore;
  }

  @Override
  public String toString() {
    return "thread '" + name + "'";
  }
}
