package io.github.genova.examples.display;

import io.github.genova.platform.device.vga.DisplayMode;
import io.github.genova.platform.device.vga.FramebufferImage;
import io.github.genova.platform.device.vga.Vga;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One picture of the machine's screen as a window shows it: {@link #width} by {@link #height} pixels of
 * 0xAARRGGBB (alpha 0xFF), row by row. In a graphics mode it is what the VGA shows; in a text mode (before a
 * driver set a graphics mode) or a planar 16-colour mode, which are not drawn, it is black at the mode's size
 * (text cells of {@value #CELL_WIDTH} by {@value #CELL_HEIGHT} pixels). Immutable.
 */
public final class Frame {
  /** The pixel width of a text cell. */
  public static final int CELL_WIDTH = 8;
  /** The pixel height of a text cell. */
  public static final int CELL_HEIGHT = 16;
  private static final int BLACK = 0xff00_0000;

  private final int width;
  private final int height;
  private final int[] argb;

  private Frame(int width, int height, int[] argb) {
    this.width = width;
    this.height = height;
    this.argb = argb;
  }

  /** Returns what {@code vga} shows now. */
  public static Frame of(Vga vga) {
    DisplayMode mode = vga.mode();
    if (mode.text()) {
      return black(mode.width() * CELL_WIDTH, mode.height() * CELL_HEIGHT);
    }
    if (mode.bitsPerPixel() == 4) {
      return black(mode.width(), mode.height());
    }
    FramebufferImage image = vga.snapshot();
    return new Frame(image.width(), image.height(), image.argb());
  }

  /**
   * Returns a black picture of {@code width} by {@code height} pixels.
   *
   * @throws IllegalArgumentException if either is not positive
   */
  public static Frame black(int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("a frame needs a positive size: " + width + "x" + height);
    }
    int[] argb = new int[width * height];
    Arrays.fill(argb, BLACK);
    return new Frame(width, height, argb);
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

  /** Copies the pixels, row by row, to the start of {@code target}, which holds at least width × height. */
  public void copyTo(int[] target) {
    System.arraycopy(argb, 0, target, 0, argb.length);
  }

  /**
   * Returns a CRC-32 of the picture (its size and every pixel), to compare screens of two runs in a line of
   * text.
   */
  public long checksum() {
    CRC32 crc = new CRC32();
    ByteBuffer bytes = ByteBuffer.allocate(8 + 4 * argb.length);
    bytes.putInt(width).putInt(height);
    for (int p : argb) {
      bytes.putInt(p);
    }
    crc.update(bytes.array());
    return crc.getValue();
  }

  /** Returns whether {@code other} is the same picture: the same size and every pixel the same. */
  public boolean samePicture(Frame other) {
    return width == other.width && height == other.height && Arrays.equals(argb, other.argb);
  }
}
