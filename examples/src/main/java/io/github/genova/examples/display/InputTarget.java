package io.github.genova.examples.display;

import io.github.genova.platform.device.ps2.I8042;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;

/**
 * The machine's keyboard and mouse as the run loop drives them: each call is what the device sends the guest
 * at once (a key's scan codes, one mouse packet). Called only from the scenario's run body.
 */
public interface InputTarget {
  /** Presses ({@code pressed}) or releases {@code key}. */
  void key(Key key, boolean pressed);

  /** Moves the mouse by {@code dx} right and {@code dyDown} down, within one packet's range. */
  void move(int dx, int dyDown);

  /** Presses ({@code pressed}) or releases mouse button {@code button}. */
  void button(MouseButton button, boolean pressed);

  /** Turns the wheel by {@code notches}, positive away from the user. */
  void scroll(int notches);

  /** Returns the keyboard and mouse of the i8042 {@code kbc}. */
  static InputTarget of(I8042 kbc) {
    return new InputTarget() {
      @Override
      public void key(Key key, boolean pressed) {
        if (pressed) {
          kbc.keyboard().press(key);
        } else {
          kbc.keyboard().release(key);
        }
      }

      @Override
      public void move(int dx, int dyDown) {
        kbc.mouse().move(dx, dyDown);
      }

      @Override
      public void button(MouseButton button, boolean pressed) {
        kbc.mouse().button(button, pressed);
      }

      @Override
      public void scroll(int notches) {
        kbc.mouse().scroll(notches);
      }
    };
  }
}
