package io.github.genova.genode.base.sync;

/**
 * Thrown by a blocking operation whose thread was woken by {@code cancelBlocking} rather than by the event
 * it waited for (Genode's classic {@code Blocking_canceled}); the thread has left the wait queue.
 */
public final class BlockingCanceledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public BlockingCanceledException() {
    super("blocking canceled");
  }
}
