package io.github.genova.genode.os.gfx;

/**
 * Arithmetic on RGB565 pixels (red in bits 15-11, green in 10-5, blue in 4-0), as nitpicker draws them:
 * composing colours from 8-bit components and mixing two pixels half and half.
 */
public final class Rgb565 {
  private static final int HALF_MASK = 0x7bef; // each component's top bit cleared after the shift

  private Rgb565() {}

  /** Returns the RGB565 pixel of 8-bit components {@code r}, {@code g}, {@code b} (lower bits dropped). */
  public static int of(int r, int g, int b) {
    return (r & 0xf8) << 8 | (g & 0xfc) << 3 | (b & 0xff) >>> 3;
  }

  /** Returns the pixel halfway between {@code a} and {@code b}, each component halved and summed. */
  public static int mix(int a, int b) {
    return ((a >>> 1) & HALF_MASK) + ((b >>> 1) & HALF_MASK);
  }
}
