package io.github.genova.examples.display;

import io.github.genova.examples.display.GuestInput.Button;
import io.github.genova.examples.display.GuestInput.KeyStroke;
import io.github.genova.examples.display.GuestInput.Motion;
import io.github.genova.examples.display.GuestInput.PointerHome;
import io.github.genova.examples.display.GuestInput.Wheel;
import java.util.ArrayDeque;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The user's input on its way from the host's event thread to the machine, and whether the user is still
 * there. Any thread may {@link #offer} and {@link #close}; the run loop alone calls {@link #applyStep}, once per
 * step of virtual time, and so is the only one that touches the machine.
 *
 * <p>A step applies, in the order the user made them, at most one keyboard event and at most one mouse
 * packet, as the devices would deliver them: a PS/2 mouse at its default rate of 100 samples per second
 * sends one packet per 10 ms, and the guest has drained the packet before the next step brings another.
 * Consecutive motions merge into one; a motion longer than a packet carries without overflow ({@value
 * #PACKET_RANGE} counts per axis) is spread over as many steps as it needs, and so is a {@link PointerHome}.
 */
public final class InputQueue {
  /** The largest motion per axis one PS/2 packet carries without its overflow bit. */
  public static final int PACKET_RANGE = 255;

  private final ConcurrentLinkedQueue<GuestInput> offered = new ConcurrentLinkedQueue<>();
  /** What earlier steps took from {@link #offered} but did not apply yet; the run loop's alone. */
  private final ArrayDeque<GuestInput> pending = new ArrayDeque<>();
  private volatile boolean closed;

  /** Creates an empty, open queue. */
  public InputQueue() {}

  /** Queues {@code input} for the machine; any thread. */
  public void offer(GuestInput input) {
    offered.add(input);
  }

  /** Says the user has gone (the window closed): the run ends. Any thread. */
  public void close() {
    closed = true;
  }

  /** Returns whether {@link #close} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Applies the next step's input to {@code target}: from the oldest on, until the next event would be a
   * second keyboard event or a second mouse packet in this step. Run loop only.
   */
  public void applyStep(InputTarget target) {
    for (GuestInput in = offered.poll(); in != null; in = offered.poll()) {
      pending.add(in);
    }
    boolean keyDone = false;
    boolean mouseDone = false;
    while (!pending.isEmpty()) {
      GuestInput head = pending.getFirst();
      boolean key = head instanceof KeyStroke;
      if (key ? keyDone : mouseDone) {
        return;
      }
      pending.removeFirst();
      boolean applied = switch (head) {
        case KeyStroke k -> {
          target.key(k.key(), k.pressed());
          yield true;
        }
        case Motion m -> move(target, mergeFollowing(m));
        case PointerHome h -> home(target, h);
        case Button b -> {
          target.button(b.button(), b.pressed());
          yield true;
        }
        case Wheel w -> {
          target.scroll(w.notches());
          yield true;
        }
      };
      keyDone |= key && applied;
      mouseDone |= !key && applied;
    }
  }

  /** Returns {@code first} plus every motion that directly follows it in {@link #pending}, taken out. */
  private Motion mergeFollowing(Motion first) {
    int dx = first.dx();
    int dy = first.dy();
    while (!pending.isEmpty() && pending.getFirst() instanceof Motion next) {
      pending.removeFirst();
      dx += next.dx();
      dy += next.dy();
    }
    return new Motion(dx, dy);
  }

  /** Sends one packet's worth of {@code m}, keeps the rest first in line; false if there was nothing to send. */
  private boolean move(InputTarget target, Motion m) {
    if (m.dx() == 0 && m.dy() == 0) {
      return false;
    }
    int x = Math.clamp(m.dx(), -PACKET_RANGE, PACKET_RANGE);
    int y = Math.clamp(m.dy(), -PACKET_RANGE, PACKET_RANGE);
    target.move(x, y);
    if (x != m.dx() || y != m.dy()) {
      pending.addFirst(new Motion(m.dx() - x, m.dy() - y));
    }
    return true;
  }

  /** Sends one packet of the way home, keeps the rest first in line; false if there was nothing to send. */
  private boolean home(InputTarget target, PointerHome h) {
    if (h.width() == 0 && h.height() == 0) {
      return false;
    }
    int x = Math.min(h.width(), PACKET_RANGE);
    int y = Math.min(h.height(), PACKET_RANGE);
    target.move(-x, -y);
    if (x != h.width() || y != h.height()) {
      pending.addFirst(new PointerHome(h.width() - x, h.height() - y));
    }
    return true;
  }
}
