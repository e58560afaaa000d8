package io.github.genova.examples.display;

import io.github.genova.examples.display.GuestInput.Button;
import io.github.genova.examples.display.GuestInput.KeyStroke;
import io.github.genova.examples.display.GuestInput.Motion;
import io.github.genova.examples.display.GuestInput.PointerHome;
import io.github.genova.examples.display.GuestInput.Wheel;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import java.awt.Component;
import java.awt.event.FocusEvent;
import java.awt.event.FocusListener;
import java.awt.event.KeyEvent;
import java.awt.event.KeyListener;
import java.awt.event.MouseEvent;
import java.awt.event.MouseListener;
import java.awt.event.MouseMotionListener;
import java.awt.event.MouseWheelEvent;
import java.awt.event.MouseWheelListener;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The host's keyboard and mouse over the component that shows the machine's screen, as {@link GuestInput} (for
 * an {@link InputQueue}). Keys go through {@link KeyMap}; keys without a PC key are dropped. The guest has a
 * relative mouse and the host pointer is not grabbed, so the pointer follows the host's: when the host
 * pointer comes into the component the guest's is pushed into the top-left corner and moved from there to
 * the same pixel, and after that each host motion is sent as the difference to the previous position. A
 * drag that leaves the component keeps being followed until its buttons are released. When the component
 * loses the keyboard focus the keys and buttons still held are released, so none sticks in the guest.
 *
 * <p>Register one instance as every listener of the component; its methods run on the AWT event thread
 * (or, in tests, on one thread).
 */
public final class AwtInput implements KeyListener, MouseListener, MouseMotionListener, MouseWheelListener,
    FocusListener {
  private final Consumer<GuestInput> queue;
  private final Set<Key> keysHeld = EnumSet.noneOf(Key.class);
  private final Set<MouseButton> buttonsHeld = EnumSet.noneOf(MouseButton.class);
  /** Whether the guest's pointer stands where the host's is: {@link #x}, {@link #y} are valid. */
  private boolean following;
  private int x;
  private int y;
  private double wheel;

  /** Sends what the user does to {@code queue} (e.g. {@link InputQueue#offer}). */
  public AwtInput(Consumer<GuestInput> queue) {
    this.queue = queue;
  }

  @Override
  public void keyPressed(KeyEvent e) {
    key(e, true);
  }

  @Override
  public void keyReleased(KeyEvent e) {
    key(e, false);
  }

  @Override
  public void keyTyped(KeyEvent e) {
    e.consume();
  }

  private void key(KeyEvent e, boolean pressed) {
    e.consume();
    Key key = KeyMap.of(e.getKeyCode(), e.getKeyLocation());
    if (key == null) {
      return;
    }
    if (pressed) {
      keysHeld.add(key);
    } else {
      keysHeld.remove(key);
    }
    queue.accept(new KeyStroke(key, pressed));
  }

  @Override
  public void mouseEntered(MouseEvent e) {
    pointer(e);
  }

  @Override
  public void mouseExited(MouseEvent e) {
    if (buttonsHeld.isEmpty()) {
      following = false;
    }
  }

  @Override
  public void mouseMoved(MouseEvent e) {
    pointer(e);
  }

  @Override
  public void mouseDragged(MouseEvent e) {
    pointer(e);
  }

  @Override
  public void mousePressed(MouseEvent e) {
    pointer(e);
    MouseButton button = button(e);
    if (button != null) {
      buttonsHeld.add(button);
      queue.accept(new Button(button, true));
    }
  }

  @Override
  public void mouseReleased(MouseEvent e) {
    pointer(e);
    MouseButton button = button(e);
    if (button != null && buttonsHeld.remove(button)) {
      queue.accept(new Button(button, false));
    }
    if (buttonsHeld.isEmpty() && !e.getComponent().contains(e.getX(), e.getY())) {
      following = false;
    }
  }

  @Override
  public void mouseClicked(MouseEvent e) {
    // press and release have been sent
  }

  @Override
  public void mouseWheelMoved(MouseWheelEvent e) {
    pointer(e);
    wheel += e.getPreciseWheelRotation(); // AWT: positive towards the user
    int notches = (int) wheel;
    if (notches != 0) {
      wheel -= notches;
      queue.accept(new Wheel(-notches));
    }
  }

  @Override
  public void focusGained(FocusEvent e) {
    // nothing is held yet
  }

  @Override
  public void focusLost(FocusEvent e) {
    keysHeld.forEach(k -> queue.accept(new KeyStroke(k, false)));
    keysHeld.clear();
    buttonsHeld.forEach(b -> queue.accept(new Button(b, false)));
    buttonsHeld.clear();
  }

  /** Brings the guest's pointer to the host pointer's position in {@code e}. */
  private void pointer(MouseEvent e) {
    if (!following) {
      Component screen = e.getComponent();
      queue.accept(new PointerHome(screen.getWidth(), screen.getHeight()));
      queue.accept(new Motion(e.getX(), e.getY()));
      following = true;
    } else if (e.getX() != x || e.getY() != y) {
      queue.accept(new Motion(e.getX() - x, e.getY() - y));
    }
    x = e.getX();
    y = e.getY();
  }

  private static @Nullable MouseButton button(MouseEvent e) {
    return switch (e.getButton()) {
      case MouseEvent.BUTTON1 -> MouseButton.LEFT;
      case MouseEvent.BUTTON2 -> MouseButton.MIDDLE;
      case MouseEvent.BUTTON3 -> MouseButton.RIGHT;
      case 4 -> MouseButton.SIDE;
      case 5 -> MouseButton.EXTRA;
      default -> null;
    };
  }
}
