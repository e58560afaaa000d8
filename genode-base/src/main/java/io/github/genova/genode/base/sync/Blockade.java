package io.github.genova.genode.base.sync;

/**
 * Genode's blockade: a lock born locked. {@link #block()} waits until some thread calls {@link #wakeup()};
 * a wake-up given before the block is not lost. Meant for one blocking thread at a time.
 */
public final class Blockade {
  private final Lock lock = new Lock(Lock.State.LOCKED);

  /** Creates a blockade with no wake-up pending. */
  public Blockade() {}

  /**
   * Blocks until woken.
   *
   * @throws BlockingCanceledException if the thread's blocking was canceled
   */
  public void block() {
    lock.lock();
  }

  /** Wakes the blocked thread (or lets the next {@link #block()} pass). */
  public void wakeup() {
    lock.unlock();
  }
}
