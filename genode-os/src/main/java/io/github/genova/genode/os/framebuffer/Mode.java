package io.github.genova.genode.os.framebuffer;

/**
 * The geometry of a framebuffer (Genode's {@code Framebuffer::Mode}): {@code width × height} pixels of
 * {@code format}, stored row after row without padding, so a row is {@code width · bytesPerPixel} bytes.
 *
 * @param width pixels per row
 * @param height rows
 * @param format how a pixel is stored
 */
public record Mode(int width, int height, PixelFormat format) {
  /** Returns the bytes from one row to the next. */
  public int bytesPerRow() {
    return width * format.bytesPerPixel();
  }

  /** Returns the bytes the whole picture takes. */
  public long bytes() {
    return (long) bytesPerRow() * height;
  }
}
