package io.github.genova.genode.base.sync;

import io.github.genova.genode.base.nova.NativeThread;

/**
 * Genode's mutex: a {@link Lock} that knows its owner. Acquiring it while owning it logs {@code deadlock
 * ahead} (and then blocks, as Genode does); releasing it without owning it logs {@code release denied} and
 * has no effect.
 */
public final class Mutex {
  private final Lock lock = new Lock();

  /** Creates a free mutex. */
  public Mutex() {}

  /** Acquires the mutex (FIFO among contenders). */
  public void acquire() {
    NativeThread me = NativeThread.current();
    if (lock.isOwner(me)) {
      me.pd().log().error("deadlock ahead: " + me + " acquires a mutex it already holds");
    }
    lock.lock();
  }

  /** Releases the mutex if the calling thread holds it. */
  public void release() {
    NativeThread me = NativeThread.current();
    if (!lock.isOwner(me)) {
      me.pd().log().error("release denied: " + me + " does not hold the mutex");
      return;
    }
    lock.unlock();
  }

  /** Runs {@code body} holding the mutex. */
  public void execute(Runnable body) {
    acquire();
    try {
      body.run();
    } finally {
      release();
    }
  }

  /** Returns whether the calling thread holds the mutex. */
  public boolean heldByMe() {
    return lock.isOwner(NativeThread.current());
  }
}
