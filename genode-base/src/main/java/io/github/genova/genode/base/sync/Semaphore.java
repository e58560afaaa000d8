package io.github.genova.genode.base.sync;

import io.github.genova.genode.base.nova.NativeThread;
import java.util.ArrayDeque;

/**
 * Genode's semaphore: a counter and a FIFO of blocked threads. {@link #down()} takes a count or blocks;
 * {@link #up()} wakes the oldest blocked thread (peer to peer, on its own kernel semaphore) or counts.
 * Owns no kernel object.
 */
public final class Semaphore {
  /** A blocked thread and whether an up was handed to it. */
  private static final class Waiter {
    final NativeThread thread;
    boolean granted;

    Waiter(NativeThread thread) {
      this.thread = thread;
    }
  }

  private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
  private long count;

  /**
   * Creates a semaphore with counter {@code initial}.
   *
   * @throws IllegalArgumentException if it is negative
   */
  public Semaphore(long initial) {
    if (initial < 0) {
      throw new IllegalArgumentException("a semaphore's initial count is not negative: " + initial);
    }
    count = initial;
  }

  /** Wakes the oldest blocked thread, or increments the counter. */
  public void up() {
    Waiter w;
    synchronized (this) {
      w = waiters.poll();
      if (w == null) {
        count++;
        return;
      }
      w.granted = true;
    }
    w.thread.wake();
  }

  /**
   * Decrements the counter, or blocks until an {@link #up()} is handed to the calling thread.
   *
   * @throws BlockingCanceledException if the thread's blocking was canceled first
   */
  public void down() {
    NativeThread me = NativeThread.current();
    Waiter w;
    synchronized (this) {
      if (count > 0) {
        count--;
        return;
      }
      w = new Waiter(me);
      waiters.add(w);
    }
    me.block();
    synchronized (this) {
      if (w.granted) {
        return;
      }
      waiters.remove(w);
    }
    throw new BlockingCanceledException();
  }

  /** Returns the counter. */
  public synchronized long count() {
    return count;
  }
}
