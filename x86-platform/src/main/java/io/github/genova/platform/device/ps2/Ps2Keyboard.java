package io.github.genova.platform.device.ps2;

/**
 * A PS/2 (MF2) keyboard on the controller's first port. It answers the keyboard command set: reset (0xFF:
 * ACK, then the self-test result 0xAA), identify (0xF2: ACK 0xAB 0x83), LEDs (0xED), typematic rate
 * (0xF3), scan-code set get/set (0xF0; sets 1 and 2, set 3 is refused with RESEND), enable and disable
 * scanning (0xF4/0xF5), defaults (0xF6), echo (0xEE) and resend (0xFE). Like the real device it drops its
 * pending output when a command arrives. Host code presses and releases keys with {@link #press} and
 * {@link #release}; while scanning is disabled key events are discarded, and when the 16-byte buffer
 * cannot take a whole sequence (its last slot is reserved) the keyboard sends its overrun code instead.
 */
public final class Ps2Keyboard extends Ps2Device {
  private int scanSet = 2;
  private boolean scanning = true;
  private int leds;
  private int typematic = 0x2b;
  private int awaiting;
  private int lastSent = -1;

  Ps2Keyboard(I8042 controller) {
    super(controller);
  }

  /** Presses {@code key}: queues its make code in the current scan-code set. */
  public void press(Key key) {
    event(key, true);
  }

  /** Releases {@code key}: queues its break code in the current scan-code set. */
  public void release(Key key) {
    event(key, false);
  }

  /**
   * Presses ({@code pressed}) or releases the key with Genode key code {@code genodeCode}.
   *
   * @throws IllegalArgumentException if this keyboard has no such key
   */
  public void key(int genodeCode, boolean pressed) {
    Key key = Key.fromGenodeCode(genodeCode);
    if (key == null) {
      throw new IllegalArgumentException("no PS/2 key for Genode key code " + genodeCode);
    }
    event(key, pressed);
  }

  /** Returns the LED state last set with 0xED: bit 0 Scroll Lock, bit 1 Num Lock, bit 2 Caps Lock. */
  public int leds() {
    synchronized (controller) {
      return leds;
    }
  }

  /** Returns the scan-code set in use (1 or 2). */
  public int scanSet() {
    synchronized (controller) {
      return scanSet;
    }
  }

  /** Returns the typematic byte last set with 0xF3 (repeat rate in bits 4-0, delay in bits 6-5). */
  public int typematic() {
    synchronized (controller) {
      return typematic;
    }
  }

  /** Returns whether the keyboard is scanning (sending key events). */
  public boolean scanning() {
    synchronized (controller) {
      return scanning;
    }
  }

  private void event(Key key, boolean make) {
    synchronized (controller) {
      if (!scanning) {
        return;
      }
      byte[] seq = ScanCodes.sequence(key, make, scanSet);
      if (seq.length > space() - 1) { // the last slot is kept for the overrun code
        if (space() > 0) {
          send(scanSet == 1 ? 0xff : 0x00);
        }
      } else {
        for (byte b : seq) {
          send(b & 0xff);
        }
      }
      controller.deviceOutput();
    }
  }

  private void reply(int... bytes) {
    for (int b : bytes) {
      send(b);
      lastSent = b;
    }
  }

  private void defaults() {
    scanSet = 2;
    typematic = 0x2b;
    leds = 0;
  }

  @Override
  void command(int value) {
    clearQueue();
    int pending = awaiting;
    awaiting = 0;
    if (pending != 0 && value < 0xed) { // the argument of 0xED, 0xF0 or 0xF3
      switch (pending) {
        case 0xed -> {
          leds = value & 7;
          reply(ACK);
        }
        case 0xf3 -> {
          typematic = value & 0x7f;
          reply(ACK);
        }
        default -> {
          if (value == 0) {
            reply(ACK, scanSet);
          } else if (value == 1 || value == 2) {
            scanSet = value;
            reply(ACK);
          } else {
            reply(RESEND);
          }
        }
      }
      return;
    }
    switch (value) {
      case 0xed, 0xf0, 0xf3 -> {
        awaiting = value;
        reply(ACK);
      }
      case 0xee -> reply(0xee);
      case 0xf2 -> reply(ACK, 0xab, 0x83);
      case 0xf4 -> {
        scanning = true;
        reply(ACK);
      }
      case 0xf5 -> {
        defaults();
        scanning = false;
        reply(ACK);
      }
      case 0xf6 -> {
        defaults();
        scanning = true;
        reply(ACK);
      }
      case 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd -> reply(ACK); // set-3 key types: accepted, no effect in sets 1/2
      case 0xfe -> {
        if (lastSent >= 0) {
          send(lastSent);
        }
      }
      case 0xff -> {
        defaults();
        scanning = true;
        reply(ACK, SELF_TEST_PASSED);
      }
      default -> reply(RESEND);
    }
  }

  @Override
  public String toString() {
    return "PS/2 keyboard";
  }
}
