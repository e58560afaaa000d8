package io.github.genova.platform;

/**
 * One timer event of a device, made by {@link DeadlineQueue#create}: armed for an absolute clock time,
 * re-armed or cancelled at will, and fired at most once per arming. Arming and cancelling do not allocate.
 */
public final class Deadline {
  private final DeadlineQueue queue;
  private final String name;
  final Runnable action;
  long at;
  long sequence;
  int index = -1;

  Deadline(DeadlineQueue queue, String name, Runnable action) {
    this.queue = queue;
    this.name = name;
    this.action = action;
  }

  /** Arms (or re-arms) the deadline for absolute clock time {@code nanos}; a time in the past fires next. */
  public void arm(long nanos) {
    queue.arm(this, nanos);
  }

  /** Disarms the deadline; nothing happens if it is not armed. */
  public void cancel() {
    queue.cancel(this);
  }

  /** Returns whether the deadline is armed and has not fired yet. */
  public boolean isArmed() {
    return queue.isArmed(this);
  }

  @Override
  public String toString() {
    return "deadline " + name;
  }
}
