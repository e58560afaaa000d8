package io.github.genova.examples.display;

import static java.awt.event.KeyEvent.*;

import io.github.genova.platform.device.ps2.Key;
import org.jspecify.annotations.Nullable;

/**
 * Which key of the machine's PS/2 keyboard a host key is: AWT's virtual key code plus its location (left or
 * right modifier, keypad or main block) to a {@link Key}. AWT reports what the host's layout made of a key,
 * so the mapping is by the US layout's legends — as the guest's keyboard driver assumes a US layout too — and
 * every {@link Key} has at least one AWT key that reaches it. A key pressed on the keypad is the keypad key
 * whatever Num Lock made of it on the host ({@code VK_HOME} on the keypad is {@link Key#KP_7}): the guest
 * keeps its own Num Lock.
 */
public final class KeyMap {
  private KeyMap() {}

  /**
   * Returns the PS/2 key for AWT key code {@code keyCode} at {@code location} (a {@code KEY_LOCATION_*} of
   * {@link java.awt.event.KeyEvent}), or null when the PC keyboard has no such key.
   */
  public static @Nullable Key of(int keyCode, int location) {
    if (location == KEY_LOCATION_NUMPAD) {
      Key keypad = keypadNavigation(keyCode);
      if (keypad != null) {
        return keypad;
      }
    }
    boolean right = location == KEY_LOCATION_RIGHT;
    return switch (keyCode) {
      case VK_ESCAPE -> Key.ESCAPE;
      case VK_1 -> Key.NUM_1;
      case VK_2 -> Key.NUM_2;
      case VK_3 -> Key.NUM_3;
      case VK_4 -> Key.NUM_4;
      case VK_5 -> Key.NUM_5;
      case VK_6 -> Key.NUM_6;
      case VK_7 -> Key.NUM_7;
      case VK_8 -> Key.NUM_8;
      case VK_9 -> Key.NUM_9;
      case VK_0 -> Key.NUM_0;
      case VK_MINUS -> Key.MINUS;
      case VK_EQUALS -> Key.EQUAL;
      case VK_BACK_SPACE -> Key.BACKSPACE;
      case VK_TAB -> Key.TAB;
      case VK_Q -> Key.Q;
      case VK_W -> Key.W;
      case VK_E -> Key.E;
      case VK_R -> Key.R;
      case VK_T -> Key.T;
      case VK_Y -> Key.Y;
      case VK_U -> Key.U;
      case VK_I -> Key.I;
      case VK_O -> Key.O;
      case VK_P -> Key.P;
      case VK_OPEN_BRACKET -> Key.LEFT_BRACE;
      case VK_CLOSE_BRACKET -> Key.RIGHT_BRACE;
      case VK_ENTER -> Key.ENTER;
      case VK_CONTROL -> right ? Key.RIGHT_CTRL : Key.LEFT_CTRL;
      case VK_A -> Key.A;
      case VK_S -> Key.S;
      case VK_D -> Key.D;
      case VK_F -> Key.F;
      case VK_G -> Key.G;
      case VK_H -> Key.H;
      case VK_J -> Key.J;
      case VK_K -> Key.K;
      case VK_L -> Key.L;
      case VK_SEMICOLON -> Key.SEMICOLON;
      case VK_QUOTE -> Key.APOSTROPHE;
      case VK_BACK_QUOTE -> Key.GRAVE;
      case VK_SHIFT -> right ? Key.RIGHT_SHIFT : Key.LEFT_SHIFT;
      case VK_BACK_SLASH -> Key.BACKSLASH;
      case VK_Z -> Key.Z;
      case VK_X -> Key.X;
      case VK_C -> Key.C;
      case VK_V -> Key.V;
      case VK_B -> Key.B;
      case VK_N -> Key.N;
      case VK_M -> Key.M;
      case VK_COMMA -> Key.COMMA;
      case VK_PERIOD -> Key.DOT;
      case VK_SLASH -> Key.SLASH;
      case VK_MULTIPLY -> Key.KP_ASTERISK;
      case VK_ALT -> right ? Key.RIGHT_ALT : Key.LEFT_ALT;
      case VK_ALT_GRAPH -> Key.RIGHT_ALT;
      case VK_SPACE -> Key.SPACE;
      case VK_CAPS_LOCK -> Key.CAPS_LOCK;
      case VK_F1 -> Key.F1;
      case VK_F2 -> Key.F2;
      case VK_F3 -> Key.F3;
      case VK_F4 -> Key.F4;
      case VK_F5 -> Key.F5;
      case VK_F6 -> Key.F6;
      case VK_F7 -> Key.F7;
      case VK_F8 -> Key.F8;
      case VK_F9 -> Key.F9;
      case VK_F10 -> Key.F10;
      case VK_F11 -> Key.F11;
      case VK_F12 -> Key.F12;
      case VK_NUM_LOCK -> Key.NUM_LOCK;
      case VK_SCROLL_LOCK -> Key.SCROLL_LOCK;
      case VK_NUMPAD7 -> Key.KP_7;
      case VK_NUMPAD8, VK_KP_UP -> Key.KP_8;
      case VK_NUMPAD9 -> Key.KP_9;
      case VK_SUBTRACT -> Key.KP_MINUS;
      case VK_NUMPAD4, VK_KP_LEFT -> Key.KP_4;
      case VK_NUMPAD5, VK_BEGIN -> Key.KP_5;
      case VK_NUMPAD6, VK_KP_RIGHT -> Key.KP_6;
      case VK_ADD -> Key.KP_PLUS;
      case VK_NUMPAD1 -> Key.KP_1;
      case VK_NUMPAD2, VK_KP_DOWN -> Key.KP_2;
      case VK_NUMPAD3 -> Key.KP_3;
      case VK_NUMPAD0 -> Key.KP_0;
      case VK_DECIMAL, VK_SEPARATOR -> Key.KP_DOT;
      case VK_LESS -> Key.KEY_102ND;
      case VK_DIVIDE -> Key.KP_SLASH;
      case VK_PRINTSCREEN -> Key.PRINT_SCREEN;
      case VK_HOME -> Key.HOME;
      case VK_UP -> Key.UP;
      case VK_PAGE_UP -> Key.PAGE_UP;
      case VK_LEFT -> Key.LEFT;
      case VK_RIGHT -> Key.RIGHT;
      case VK_END -> Key.END;
      case VK_DOWN -> Key.DOWN;
      case VK_PAGE_DOWN -> Key.PAGE_DOWN;
      case VK_INSERT -> Key.INSERT;
      case VK_DELETE -> Key.DELETE;
      case VK_PAUSE, VK_CANCEL -> Key.PAUSE;
      case VK_WINDOWS, VK_META -> right ? Key.RIGHT_META : Key.LEFT_META;
      case VK_CONTEXT_MENU -> Key.COMPOSE;
      default -> null;
    };
  }

  /** Returns the keypad key behind a key the host reported with keypad location, or null for the others. */
  private static @Nullable Key keypadNavigation(int keyCode) {
    return switch (keyCode) {
      case VK_INSERT -> Key.KP_0;
      case VK_END -> Key.KP_1;
      case VK_DOWN -> Key.KP_2;
      case VK_PAGE_DOWN -> Key.KP_3;
      case VK_LEFT -> Key.KP_4;
      case VK_CLEAR -> Key.KP_5;
      case VK_RIGHT -> Key.KP_6;
      case VK_HOME -> Key.KP_7;
      case VK_UP -> Key.KP_8;
      case VK_PAGE_UP -> Key.KP_9;
      case VK_DELETE -> Key.KP_DOT;
      case VK_ENTER -> Key.KP_ENTER;
      default -> null;
    };
  }
}
