package io.github.genova.genode.os.input.server;

import io.github.genova.genode.base.sync.Mutex;
import io.github.genova.genode.os.input.InputEvent;
import java.util.function.Consumer;

/**
 * A driver's queue of input events (Genode's {@code Input::Event_queue}): bounded to {@value #CAPACITY}
 * events, first in first out. When it is full, new events are dropped and counted (a client that never
 * flushes cannot make the driver grow). Thread-safe: the driver's interrupt threads add while the session's
 * entrypoint takes; the lock is Genode's {@link Mutex}, so its users must be Genode threads.
 */
public final class EventQueue implements Consumer<InputEvent> {
  /** How many events the queue holds. */
  public static final int CAPACITY = 512;

  private final Mutex mutex = new Mutex();
  private final InputEvent[] ring = new InputEvent[CAPACITY];
  private int head;
  private int count;
  private long dropped;

  /** Creates an empty queue. */
  public EventQueue() {}

  /** Adds {@code event} at the tail; drops it if the queue is full. */
  @Override
  public void accept(InputEvent event) {
    mutex.acquire();
    try {
      if (count == CAPACITY) {
        dropped++;
        return;
      }
      ring[(head + count) % CAPACITY] = event;
      count++;
    } finally {
      mutex.release();
    }
  }

  /** Returns whether events are queued. */
  public boolean isPending() {
    mutex.acquire();
    try {
      return count > 0;
    } finally {
      mutex.release();
    }
  }

  /**
   * Removes up to {@code max} events from the head and writes them, oldest first, from offset 0 of {@code
   * out} in the layout of {@link InputEvent}; returns how many.
   *
   * @throws IllegalArgumentException if {@code out} cannot hold {@code max} events
   */
  public int take(byte[] out, int max) {
    if ((long) max * InputEvent.SIZE > out.length) {
      throw new IllegalArgumentException(max + " events do not fit into " + out.length + " bytes");
    }
    mutex.acquire();
    try {
      int n = Math.min(max, count);
      for (int i = 0; i < n; i++) {
        ring[head].writeTo(out, i * InputEvent.SIZE);
        head = (head + 1) % CAPACITY;
      }
      count -= n;
      return n;
    } finally {
      mutex.release();
    }
  }

  /** Returns how many events were dropped because the queue was full. */
  public long dropped() {
    mutex.acquire();
    try {
      return dropped;
    } finally {
      mutex.release();
    }
  }
}
