package io.github.genova.genode.base.nova;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import org.jspecify.annotations.Nullable;

/**
 * The kernel side of one Genode thread or entrypoint: its EC's hypercall gate and UTCB, its one blocking
 * semaphore (locks, semaphores and blockades block on it and are woken peer to peer with an {@code up} on
 * it), and its receive window for capabilities that come back in replies.
 *
 * <p>Which native thread runs is tracked per Java thread: a global EC's Java thread runs its own native
 * thread, and while an entrypoint serves a call on the caller's Java thread (NOVA's donation), its native
 * thread is the current one. Code reaches its own through {@link #current()}; the RPC fast path passes it
 * explicitly instead. A native thread is used only by the code running as it, so it is not thread-safe.
 */
public final class NativeThread {
  /** The Java thread's slot naming the native thread that runs on it now. */
  public static final class Current {
    private @Nullable NativeThread running;

    private Current() {}

    /** Returns the native thread running now, or null. */
    public @Nullable NativeThread get() {
      return running;
    }

    /** Makes {@code thread} the running one; returns the previous one. */
    public @Nullable NativeThread set(@Nullable NativeThread thread) {
      NativeThread previous = running;
      running = thread;
      return previous;
    }
  }

  private static final ThreadLocal<Current> CURRENT = ThreadLocal.withInitial(Current::new);

  /** Order of the receive window (4 selectors, the most caps one message carries). */
  public static final int RECEIVE_WINDOW_ORDER = 2;

  private final NativePd pd;
  private final Hypercalls gate;
  private final Utcb utcb;
  private final long ec;
  private final long blockingSemaphore;
  private final String name;
  private final Msgbuf msgbuf;
  private long receiveWindow = Capability.INVALID_SELECTOR;
  private long receiveNextAt = Capability.INVALID_SELECTOR;
  private @Nullable Object owner;

  /**
   * Binds a native thread to the EC whose gate is {@code gate}.
   *
   * @param pd the PD the EC lives in
   * @param gate the EC's hypercall gate
   * @param ec the EC's selector in the PD, or {@link Capability#INVALID_SELECTOR} if the PD does not hold it
   * @param blockingSemaphore the selector of its blocking semaphore (counter 0)
   * @param name the thread's name, for diagnostics
   */
  public NativeThread(NativePd pd, Hypercalls gate, long ec, long blockingSemaphore, String name) {
    this.pd = pd;
    this.gate = gate;
    this.utcb = gate.utcb();
    this.ec = ec;
    this.blockingSemaphore = blockingSemaphore;
    this.name = name;
    this.msgbuf = new Msgbuf(this, utcb);
  }

  /**
   * Returns the native thread running on the calling Java thread.
   *
   * @throws IllegalStateException if the Java thread runs no Genode thread
   */
  public static NativeThread current() {
    NativeThread t = CURRENT.get().running;
    if (t == null) {
      throw new IllegalStateException(
          "not running on a Genode thread: " + java.lang.Thread.currentThread().getName());
    }
    return t;
  }

  /** Returns the calling Java thread's slot, for code that switches native threads (entrypoints). */
  public static Current slot() {
    return CURRENT.get();
  }

  /** Returns the PD the thread lives in. */
  public NativePd pd() {
    return pd;
  }

  /** Returns the EC's hypercall gate. */
  public Hypercalls gate() {
    return gate;
  }

  /** Returns the EC's UTCB. */
  public Utcb utcb() {
    return utcb;
  }

  /** Returns the thread's message buffer (its UTCB as an RPC message). */
  public Msgbuf msgbuf() {
    return msgbuf;
  }

  /** Returns the EC selector, or {@link Capability#INVALID_SELECTOR}. */
  public long ec() {
    return ec;
  }

  /** Returns the selector of the thread's blocking semaphore. */
  public long blockingSemaphore() {
    return blockingSemaphore;
  }

  /** Returns the thread's name. */
  public String name() {
    return name;
  }

  /** Returns the object this native thread belongs to (a Genode thread or entrypoint), or null. */
  public @Nullable Object owner() {
    return owner;
  }

  /** Records the object this native thread belongs to. */
  public void owner(Object o) {
    owner = o;
  }

  /**
   * Blocks this thread on its semaphore until a peer {@linkplain #wake() wakes} it; an earlier wake-up is
   * not lost. Only the thread itself calls this.
   *
   * @return SUCCESS, or ABORTED if the EC was killed meanwhile
   */
  public Status block() {
    return gate.smDown(blockingSemaphore, false, 0);
  }

  /** Wakes this thread (an {@code up} on its semaphore), made by the calling thread's EC. */
  public void wake() {
    current().gate.smUp(blockingSemaphore);
  }

  /** An RPC call that returns a capability (e.g. {@code pdSession::pager}). */
  @FunctionalInterface
  public interface CapabilityCall<X extends Exception> {
    /** Makes the call; returns the capability of its reply. */
    Capability<?> call() throws X;
  }

  /**
   * Makes {@code call}, a call of this thread, with the reply's capability received at {@code selector}, a
   * free selector of the PD chosen by the caller, instead of in the receive window (Genode on NOVA opens a
   * one-selector receive window so, for an event portal a parent places in its child's event window).
   * Returns whether the capability arrived there (not if the PD held it already: then it comes back
   * translated to where it is). The selector belongs to the caller afterwards, filled or not.
   *
   * @throws X whatever the call throws
   */
  public <X extends Exception> boolean receiveAt(long selector, CapabilityCall<X> call) throws X {
    receiveNextAt = selector;
    try {
      return call.call().selector() == selector;
    } finally {
      receiveNextAt = Capability.INVALID_SELECTOR;
    }
  }

  /** Returns and clears the selector set by {@link #receiveAt} for the call being made, or the invalid selector. */
  long takeReceiveSelector() {
    long at = receiveNextAt;
    receiveNextAt = Capability.INVALID_SELECTOR;
    return at;
  }

  /**
   * Returns the first selector of the thread's receive window (2^{@link #RECEIVE_WINDOW_ORDER} free
   * selectors), allocating it on first use.
   */
  public long receiveWindow() {
    long w = receiveWindow;
    if (w == Capability.INVALID_SELECTOR) {
      w = pd.selectors().alloc(RECEIVE_WINDOW_ORDER);
      receiveWindow = w;
    }
    return w;
  }

  /**
   * Hands the receive window's selectors over to whoever consumed capabilities received in it, and takes
   * fresh selectors for the next message: the unconsumed ones of the old window are freed after their
   * capabilities (if any) are revoked.
   *
   * @param consumed bit i set: selector i of the window now belongs to a capability handed out
   */
  public void renewReceiveWindow(int consumed) {
    long old = receiveWindow;
    receiveWindow = Capability.INVALID_SELECTOR;
    if (old == Capability.INVALID_SELECTOR) {
      return;
    }
    for (int i = 0; i < 1 << RECEIVE_WINDOW_ORDER; i++) {
      if ((consumed & 1 << i) == 0) {
        gate.revoke(Crd.object(old + i, 0, Perm.ALL), true);
        pd.selectors().free(old + i);
      }
    }
  }

  @Override
  public String toString() {
    return "thread '" + name + "'";
  }
}
