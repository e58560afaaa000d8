package io.github.genova.platform.device.ps2;

/**
 * The buttons of a PS/2 mouse with their Genode key codes ({@code BTN_LEFT} ...). The side and extra
 * buttons are reported only once the guest has switched the mouse to the 5-button IntelliMouse mode.
 */
public enum MouseButton {
  /** Left button. */
  LEFT(0x110, 0x01),
  /** Right button. */
  RIGHT(0x111, 0x02),
  /** Middle button (wheel press). */
  MIDDLE(0x112, 0x04),
  /** Fourth button. */
  SIDE(0x113, 0x08),
  /** Fifth button. */
  EXTRA(0x114, 0x10);

  private final int genodeCode;
  private final int mask;

  MouseButton(int genodeCode, int mask) {
    this.genodeCode = genodeCode;
    this.mask = mask;
  }

  /** Returns the button's bit in the mouse's button state (left 0, right 1, middle 2, side 3, extra 4). */
  int mask() {
    return mask;
  }

  /** Returns the Genode key code of the button. */
  public int genodeCode() {
    return genodeCode;
  }
}
