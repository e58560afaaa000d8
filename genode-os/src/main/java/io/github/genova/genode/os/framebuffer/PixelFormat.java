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
}
