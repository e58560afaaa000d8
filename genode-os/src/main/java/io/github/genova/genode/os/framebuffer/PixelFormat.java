package io.github.genova.genode.os.framebuffer;

/** How a framebuffer stores a pixel; Genode's classic Framebuffer session knows one format. */
public enum PixelFormat {
  /** 16 bits per pixel: red in bits 15-11, green in 10-5, blue in 4-0 (little-endian in memory). */
  RGB565(2);

  private final int bytesPerPixel;

  PixelFormat(int bytesPerPixel) {
    this.bytesPerPixel = bytesPerPixel;
  }

  /** Returns the bytes one pixel takes. */
  public int bytesPerPixel() {
    return bytesPerPixel;
  }

  /** Stores {@code pixel} as pixel {@code index} of {@code bytes}, laid out as this format is in memory. */
  public void store(byte[] bytes, int index, int pixel) {
    int at = index * bytesPerPixel;
    bytes[at] = (byte) pixel;
    bytes[at + 1] = (byte) (pixel >>> 8);
  }

  /** Returns pixel {@code index} of {@code bytes}, laid out as this format is in memory. */
  public int load(byte[] bytes, int index) {
    int at = index * bytesPerPixel;
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
  }
}
