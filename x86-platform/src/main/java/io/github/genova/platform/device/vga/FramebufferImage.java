package io.github.genova.platform.device.vga;

/**
 * A copy of what a graphics mode shows, as 0xAARRGGBB pixels row by row (alpha always 0xFF): what a host
 * window paints or a PNG snapshot encodes, without knowing the adapter's pixel formats. Immutable.
 */
public final class FramebufferImage {
  private final int width;
  private final int height;
  private final int[] argb;

  FramebufferImage(int width, int height, int[] argb) {
    this.width = width;
    this.height = height;
    this.argb = argb;
  }

  /** Returns the pixels per row. */
  public int width() {
    return width;
  }

  /** Returns the number of rows. */
  public int height() {
    return height;
  }

  /** Returns the pixel at column {@code x}, row {@code y}. */
  public int pixel(int x, int y) {
    return argb[y * width + x];
  }

  /** Returns a copy of all pixels, row by row ({@code BufferedImage.setRGB(0, 0, w, h, argb, 0, w)} takes it). */
  public int[] argb() {
    return argb.clone();
  }
}
