package io.github.genova.genode.base.sync;

import io.github.genova.genode.base.nova.NativeThread;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * Genode's classic cancelable lock: a state and a FIFO of applicants. Acquiring a free lock takes it at
 * once; otherwise the thread queues and blocks on its own semaphore. {@link #unlock()} with applicants
 * passes ownership directly to the first one (the lock never becomes free in between) and wakes it with an
 * {@code up} on its semaphore; without applicants the lock becomes free. So contended acquisition is FIFO
 * and fair, and the lock consumes no kernel object.
 *
 * <p>A blocked thread woken by {@code cancelBlocking} without having been handed the lock leaves the queue
 * and gets {@link BlockingCanceledException}. Relocking a lock one owns blocks for good (classic
 * semantics; {@link Mutex} warns). Unlocking is allowed to any thread (a {@link Blockade} is woken so).
 */
public final class Lock {
  /** The state a lock is created in. */
  public enum State {
    /** Free. */
    UNLOCKED,
    /** Taken, by nobody in particular (a blockade). */
    LOCKED
  }

  private final ArrayDeque<NativeThread> applicants = new ArrayDeque<>();
  private boolean locked;
  private @Nullable NativeThread owner;

  /** Creates a free lock. */
  public Lock() {
    this(State.UNLOCKED);
  }

  /** Creates a lock in state {@code initial}. */
  public Lock(State initial) {
    locked = initial == State.LOCKED;
  }

  /**
   * Acquires the lock, blocking in FIFO order behind earlier applicants.
   *
   * @throws BlockingCanceledException if the thread's blocking was canceled before it got the lock
   */
  public void lock() {
    NativeThread me = NativeThread.current();
    synchronized (this) {
      if (!locked) {
        locked = true;
        owner = me;
        return;
      }
      applicants.add(me);
    }
    me.block();
    synchronized (this) {
      if (owner == me && !applicants.contains(me)) {
        return; // handed over by unlock
      }
      applicants.remove(me);
    }
    throw new BlockingCanceledException();
  }

  /** Releases the lock: to the first applicant if there is one, else it becomes free. */
  public void unlock() {
    NativeThread next;
    synchronized (this) {
      next = applicants.poll();
      if (next == null) {
        locked = false;
        owner = null;
        return;
      }
      owner = next;
    }
    next.wake();
  }

  /** Returns whether {@code thread} holds the lock. */
  public synchronized boolean isOwner(NativeThread thread) {
    return locked && owner == thread;
  }

  /** Returns whether the lock is taken. */
  public synchronized boolean isLocked() {
    return locked;
  }

  /** Returns the number of threads waiting for the lock. */
  public synchronized int applicants() {
    return applicants.size();
  }
}
