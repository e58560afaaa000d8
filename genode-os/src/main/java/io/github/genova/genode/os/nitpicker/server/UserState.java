package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.input.InputEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What nitpicker knows of the user (Genode's {@code User_state}): the pointer position, the keys held, the
 * session the pointer is over, and X-ray and kill mode; it routes the physical input to the sessions and
 * moves the pointer the {@link ViewStack} draws.
 *
 * <ul>
 *   <li>Consecutive motions are merged into one; the pointer stays on the screen.
 *   <li>A mouse-button press while no other key is held gives the focus to the pointed view's session.
 *   <li>Motion and wheel go to the pointed session (in X-ray mode only if it is the focused one), while a
 *       key is held to the focused one; a session the pointer left gets {@code LEAVE}.
 *   <li>Presses and releases go to the focused session, except Scroll Lock, which toggles X-ray mode, and
 *       Print/SysRq, which enter kill mode, where the next left click locks out the pointed session; none
 *       of those reaches a client.
 *   <li>A client sees positions in its own coordinates: the pointer's y minus the menubar, at least 0.
 * </ul>
 */
final class UserState {
  /** {@code KEY_SCROLLLOCK}. */
  static final int KEY_SCROLLLOCK = 70;
  /** {@code KEY_SYSRQ}, which the PS/2 driver reports for Print Screen. */
  static final int KEY_SYSRQ = 99;
  /** {@code KEY_PRINT}. */
  static final int KEY_PRINT = 210;
  /** {@code BTN_LEFT}. */
  static final int BTN_LEFT = 0x110;
  private static final int BTN_LAST = 0x117;

  private final ViewStack stack;
  private final Log log;
  /** Keys whose release must not reach a client because their press did not. */
  private final Set<Integer> swallowed = new HashSet<>();
  private int x;
  private int y;
  private int keysHeld;
  private @Nullable NitpickerSessionComponent pointed;

  UserState(ViewStack stack, Log log) {
    this.stack = stack;
    this.log = log;
    Rect screen = stack.bounds();
    this.x = screen.w() / 2;
    this.y = screen.h() / 2;
    stack.movePointer(x, y);
  }

  /** Handles the events of one poll, oldest first. */
  void handle(List<InputEvent> events) {
    int n = events.size();
    for (int i = 0; i < n; i++) {
      InputEvent e = events.get(i);
      if (e.type() == InputEvent.Type.MOTION) {
        int tx = x;
        int ty = y;
        while (true) {
          InputEvent m = events.get(i);
          boolean absolute = m.rx() == 0 && m.ry() == 0;
          tx = absolute ? m.ax() : tx + m.rx();
          ty = absolute ? m.ay() : ty + m.ry();
          if (i + 1 < n && events.get(i + 1).type() == InputEvent.Type.MOTION) {
            i++;
          } else {
            break;
          }
        }
        motion(tx, ty);
      } else {
        switch (e.type()) {
          case PRESS -> press(e.keycode());
          case RELEASE -> release(e.keycode());
          case WHEEL -> toPointerTarget(new InputEvent(InputEvent.Type.WHEEL, 0, x, clientY(), e.rx(), e.ry()));
          default -> { }
        }
      }
    }
  }

  private int clientY() {
    return Math.max(0, y - ViewStack.MENUBAR_HEIGHT);
  }

  private @Nullable NitpickerSessionComponent sessionAtPointer() {
    ViewComponent v = stack.viewAt(x, y);
    return v == null ? null : v.session();
  }

  private void motion(int newX, int newY) {
    Rect screen = stack.bounds();
    x = Math.clamp(newX, 0, screen.w() - 1);
    y = Math.clamp(newY, 0, screen.h() - 1);
    stack.movePointer(x, y);
    InputEvent event = new InputEvent(InputEvent.Type.MOTION, 0, x, clientY(), 0, 0);
    if (keysHeld > 0) {
      NitpickerSessionComponent f = stack.focused();
      if (f != null) {
        f.deliver(event);
      }
      return;
    }
    NitpickerSessionComponent now = sessionAtPointer();
    NitpickerSessionComponent before = pointed;
    if (before != null && before != now) {
      before.deliver(new InputEvent(InputEvent.Type.LEAVE, 0, 0, 0, 0, 0));
    }
    pointed = now;
    toPointerTarget(event);
  }

  private void toPointerTarget(InputEvent event) {
    NitpickerSessionComponent target = keysHeld > 0 ? stack.focused() : sessionAtPointer();
    if (target != null && (!stack.xray() || target == stack.focused() || keysHeld > 0)) {
      target.deliver(event);
    }
  }

  private void press(int keycode) {
    keysHeld++;
    if (keycode == KEY_SCROLLLOCK) {
      swallowed.add(keycode);
      stack.toggleXray();
      return;
    }
    if (keycode == KEY_SYSRQ || keycode == KEY_PRINT) {
      swallowed.add(keycode);
      stack.kill(true);
      return;
    }
    if (stack.kill() && keycode == BTN_LEFT) {
      swallowed.add(keycode);
      NitpickerSessionComponent victim = sessionAtPointer();
      if (victim != null) {
        victim.lockOut();
        log.log("session \"" + victim.label() + "\" locked out");
        if (stack.focused() == victim) {
          stack.focus(null);
        }
        if (pointed == victim) {
          pointed = null;
        }
      }
      stack.kill(false);
      return;
    }
    if (keycode >= BTN_LEFT && keycode <= BTN_LAST && keysHeld == 1) {
      ViewComponent v = stack.viewAt(x, y);
      if (v != null) {
        stack.focus(v);
      }
    }
    NitpickerSessionComponent f = stack.focused();
    if (f != null) {
      f.deliver(new InputEvent(InputEvent.Type.PRESS, keycode, x, clientY(), 0, 0));
    }
  }

  private void release(int keycode) {
    keysHeld = Math.max(0, keysHeld - 1);
    if (swallowed.remove(keycode)) {
      return;
    }
    NitpickerSessionComponent f = stack.focused();
    if (f != null) {
      f.deliver(new InputEvent(InputEvent.Type.RELEASE, keycode, x, clientY(), 0, 0));
    }
  }

  /** Forgets {@code session}, which closed. */
  void forget(NitpickerSessionComponent session) {
    if (pointed == session) {
      pointed = null;
    }
  }
}
