package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.os.input.InputEvent;
import java.util.function.Consumer;

/**
 * Turns a keyboard's scan-code bytes into key presses and releases with Genode key codes (Linux's
 * numbering): set 1 (what the controller's translation delivers; break = make | 0x80) or set 2 (break
 * prefixed by 0xF0), each with the 0xE0 prefix of the extended keys. Print Screen reports {@code KEY_SYSRQ}
 * (99) and drops the fake shifts around it; Pause (an 0xE1 sequence without a break code) reports {@code
 * KEY_PAUSE} (119) pressed and released. Unknown codes and the overrun codes are ignored.
 */
public final class ScanCodeDecoder {
  /** Genode's key code of Pause. */
  public static final int KEY_PAUSE = 119;

  /** Set-2 make codes of key codes 1..88 (0: no key), index = key code. */
  private static final int[] SET2_OF_KEY = {
    0x00, 0x76, 0x16, 0x1e, 0x26, 0x25, 0x2e, 0x36, 0x3d, 0x3e, 0x46, 0x45, 0x4e, 0x55, 0x66, 0x0d,
    0x15, 0x1d, 0x24, 0x2d, 0x2c, 0x35, 0x3c, 0x43, 0x44, 0x4d, 0x54, 0x5b, 0x5a, 0x14, 0x1c, 0x1b,
    0x23, 0x2b, 0x34, 0x33, 0x3b, 0x42, 0x4b, 0x4c, 0x52, 0x0e, 0x12, 0x5d, 0x1a, 0x22, 0x21, 0x2a,
    0x32, 0x31, 0x3a, 0x41, 0x49, 0x4a, 0x59, 0x7c, 0x11, 0x29, 0x58, 0x05, 0x06, 0x04, 0x0c, 0x03,
    0x0b, 0x83, 0x0a, 0x01, 0x09, 0x77, 0x7e, 0x6c, 0x75, 0x7d, 0x7b, 0x6b, 0x73, 0x74, 0x79, 0x69,
    0x72, 0x7a, 0x70, 0x71, 0x00, 0x00, 0x61, 0x78, 0x07,
  };
  /** Extended keys: key code, set-1 code and set-2 code after 0xE0. */
  private static final int[][] EXTENDED = {
    {96, 0x1c, 0x5a}, {97, 0x1d, 0x14}, {98, 0x35, 0x4a}, {99, 0x37, 0x7c}, {100, 0x38, 0x11},
    {102, 0x47, 0x6c}, {103, 0x48, 0x75}, {104, 0x49, 0x7d}, {105, 0x4b, 0x6b}, {106, 0x4d, 0x74},
    {107, 0x4f, 0x69}, {108, 0x50, 0x72}, {109, 0x51, 0x7a}, {110, 0x52, 0x70}, {111, 0x53, 0x71},
    {125, 0x5b, 0x1f}, {126, 0x5c, 0x27}, {127, 0x5d, 0x2f},
  };
  private static final int[] SET1 = new int[128];
  private static final int[] SET1_EXTENDED = new int[128];
  private static final int[] SET2 = new int[256];
  private static final int[] SET2_EXTENDED = new int[256];
  /** Bytes of the Pause sequence after its leading 0xE1, per set. */
  private static final int PAUSE_TAIL_SET1 = 5;
  private static final int PAUSE_TAIL_SET2 = 7;

  static {
    for (int key = 1; key <= 0x58; key++) {
      SET1[key] = key; // set 1 orders the basic keys as the key codes do
    }
    for (int key = 1; key < SET2_OF_KEY.length; key++) {
      if (SET2_OF_KEY[key] != 0) {
        SET2[SET2_OF_KEY[key]] = key;
      }
    }
    for (int[] e : EXTENDED) {
      SET1_EXTENDED[e[1]] = e[0];
      SET2_EXTENDED[e[2]] = e[0];
    }
  }

  private final int set;
  private final Consumer<InputEvent> sink;
  private boolean extended;
  private boolean breaking;
  private int pauseBytesLeft;

  /**
   * Creates a decoder of scan-code set {@code set} whose events go to {@code sink}.
   *
   * @throws IllegalArgumentException if {@code set} is neither 1 nor 2
   */
  public ScanCodeDecoder(int set, Consumer<InputEvent> sink) {
    if (set != 1 && set != 2) {
      throw new IllegalArgumentException("scan-code set must be 1 or 2: " + set);
    }
    this.set = set;
    this.sink = sink;
  }

  /** Returns the scan-code set decoded. */
  public int set() {
    return set;
  }

  /** Feeds the next byte from the keyboard. */
  public void accept(int value) {
    int b = value & 0xff;
    if (pauseBytesLeft > 0) {
      if (--pauseBytesLeft == 0) {
        sink.accept(InputEvent.press(KEY_PAUSE));
        sink.accept(InputEvent.release(KEY_PAUSE));
      }
      return;
    }
    switch (b) {
      case 0xe0 -> extended = true;
      case 0xe1 -> pauseBytesLeft = set == 1 ? PAUSE_TAIL_SET1 : PAUSE_TAIL_SET2;
      case 0xf0 -> breaking = set == 2;
      case 0x00, 0xff -> reset(); // overrun or error: a sequence in flight is lost
      default -> {
        if (set == 1) {
          key((extended ? SET1_EXTENDED : SET1)[b & 0x7f], (b & 0x80) == 0);
        } else {
          key((extended ? SET2_EXTENDED : SET2)[b], !breaking);
        }
      }
    }
  }

  private void key(int keycode, boolean press) {
    reset();
    if (keycode != 0) {
      sink.accept(press ? InputEvent.press(keycode) : InputEvent.release(keycode));
    }
  }

  private void reset() {
    extended = false;
    breaking = false;
  }
}
