package io.github.genova.platform.device.ps2;

/**
 * The byte sequences a keyboard sends for key events in scan-code sets 1 and 2, and the i8042's
 * translation of set-2 bytes into set-1 bytes (configuration bit 6). The translation table is derived from
 * the {@link Key} table: each set-2 code maps to the same key's set-1 code; bytes from 0x80 up pass
 * unchanged except 0x83 (F7), and a set-2 0xF0 break prefix sets bit 7 of the next translated byte.
 */
final class ScanCodes {
  private static final int[] TRANSLATION = new int[256];

  static {
    for (int b = 0; b < 256; b++) {
      TRANSLATION[b] = b;
    }
    for (Key k : Key.values()) {
      if (k != Key.PAUSE) {
        TRANSLATION[k.set2() & 0xff] = k.set1() & 0xff;
      }
    }
  }

  private ScanCodes() {}

  /** Returns the set-1 byte for set-2 byte {@code b} (without the break bit). */
  static int translate(int b) {
    return TRANSLATION[b & 0xff];
  }

  /** Returns the bytes for pressing ({@code make}) or releasing {@code key} in scan-code set {@code set}. */
  static byte[] sequence(Key key, boolean make, int set) {
    if (key == Key.PAUSE) {
      if (!make) {
        return new byte[0]; // Pause has no break code
      }
      return set == 1
          ? bytes(0xe1, 0x1d, 0x45, 0xe1, 0x9d, 0xc5)
          : bytes(0xe1, 0x14, 0x77, 0xe1, 0xf0, 0x14, 0xf0, 0x77);
    }
    if (key == Key.PRINT_SCREEN) {
      if (set == 1) {
        return make ? bytes(0xe0, 0x2a, 0xe0, 0x37) : bytes(0xe0, 0xb7, 0xe0, 0xaa);
      }
      return make ? bytes(0xe0, 0x12, 0xe0, 0x7c) : bytes(0xe0, 0xf0, 0x7c, 0xe0, 0xf0, 0x12);
    }
    int code = set == 1 ? key.set1() : key.set2();
    boolean extended = code > 0xff;
    int low = code & 0xff;
    if (set == 1) {
      int b = make ? low : low | 0x80;
      return extended ? bytes(0xe0, b) : bytes(b);
    }
    if (make) {
      return extended ? bytes(0xe0, low) : bytes(low);
    }
    return extended ? bytes(0xe0, 0xf0, low) : bytes(0xf0, low);
  }

  private static byte[] bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return out;
  }
}
