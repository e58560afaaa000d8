package io.github.genova.platform;

/**
 * A host thread that fires a real-time machine's {@link DeadlineQueue} when its deadlines fall due, for
 * machines whose CPUs may all sleep in the host (PARALLEL mode) so that no kernel entry would notice a
 * timer. Never used in virtual time: there the kernel or engine moves the clock and fires deadlines
 * itself. Made by {@link Machine#startRealTimeDeadlines()}; closing it stops the thread.
 */
public final class RealTimeDeadlines implements AutoCloseable {
  private final DeadlineQueue queue;
  private final Thread thread;
  private volatile boolean running = true;

  RealTimeDeadlines(DeadlineQueue queue, String name) {
    if (queue.clock().isVirtual()) {
      throw new IllegalStateException("virtual time is driven by the kernel or engine, not by a host thread");
    }
    this.queue = queue;
    this.thread = Thread.ofPlatform().daemon().name(name).unstarted(this::run);
  }

  void start() {
    thread.start();
  }

  private void run() {
    while (running) {
      try {
        queue.awaitDue();
      } catch (InterruptedException e) {
        return;
      }
      queue.fireDue();
    }
  }

  /** Stops the thread and waits for it to end. */
  @Override
  public void close() {
    running = false;
    thread.interrupt();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
