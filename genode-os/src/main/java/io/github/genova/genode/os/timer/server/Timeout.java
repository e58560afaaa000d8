package io.github.genova.genode.os.timer.server;

import java.util.function.IntConsumer;

/**
 * One client's timeout in the {@link TimeoutScheduler}: one-shot or periodic, scheduled at most once at a
 * time (scheduling it again replaces the pending deadline). When it expires the scheduler calls its handler
 * with the number of expirations it stands for (more than one when a periodic timeout fell behind).
 * Guarded by the scheduler's mutex.
 */
public final class Timeout {
  private final IntConsumer handler;
  long deadlineUs;
  long periodUs;
  long sequence;
  boolean scheduled;

  /** Creates an unscheduled timeout whose expirations go to {@code handler}. */
  public Timeout(IntConsumer handler) {
    this.handler = handler;
  }

  void expired(int count) {
    handler.accept(count);
  }
}
