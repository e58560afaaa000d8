package io.github.genova.genode.os.gfx;

import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.nova.api.MemoryView;
import java.util.Arrays;

/**
 * The pixels of one rectangle of a picture while it is composed (nitpicker's dirty rectangle of the screen,
 * liquid_fb's and launchpad's of their windows): every drawing operation is clipped to the rectangle, and
 * {@link #writeTo} copies the result into an RGB565 picture in memory row by row. Not thread-safe: one canvas
 * per composition.
 */
public final class Canvas {
  private final Rect area;
  private final int[] pixels;
  private final byte[] row;

  /** Creates the canvas of {@code area}, every pixel 0 (black). */
  public Canvas(Rect area) {
    this.area = area;
    this.pixels = new int[area.w() * area.h()];
    this.row = new byte[area.w() * 2];
  }

  /** Fills {@code r} with {@code colour}. */
  public void fill(Rect r, int colour) {
    Rect c = r.intersect(area);
    for (int y = c.y(); y < c.bottom(); y++) {
      int at = index(c.x(), y);
      Arrays.fill(pixels, at, at + c.w(), colour);
    }
  }

  /** Sets pixel ({@code x}, {@code y}) to {@code colour} if it lies in the rectangle. */
  public void plot(int x, int y, int colour) {
    if (area.contains(x, y)) {
      pixels[index(x, y)] = colour;
    }
  }

  /** Mixes every pixel of {@code r} half and half with {@code colour}. */
  public void mix(Rect r, int colour) {
    Rect c = r.intersect(area);
    for (int y = c.y(); y < c.bottom(); y++) {
      int at = index(c.x(), y);
      for (int i = at; i < at + c.w(); i++) {
        pixels[i] = Rgb565.mix(pixels[i], colour);
      }
    }
  }

  /**
   * Copies the part {@code r} of the screen from a client buffer of {@code bytesPerRow} per row attached at
   * {@code buffer} in {@code memory}, whose pixel (0, 0) lies at screen ({@code originX}, {@code originY});
   * {@code r} must lie within the buffer.
   */
  public void copy(MemoryView memory, Rect r, long buffer, int bytesPerRow, int originX, int originY) {
    Rect c = r.intersect(area);
    for (int y = c.y(); y < c.bottom(); y++) {
      long from = buffer + (long) (y - originY) * bytesPerRow + 2L * (c.x() - originX);
      memory.read(from, row, 0, 2 * c.w());
      int at = index(c.x(), y);
      for (int i = 0; i < c.w(); i++) {
        pixels[at + i] = PixelFormat.RGB565.load(row, i);
      }
    }
  }

  /** Draws {@code text} with its first cell's top-left corner at ({@code x}, {@code y}), clipped to {@code clip}. */
  public void text(Rect clip, int x, int y, String text, int colour) {
    Rect c = clip.intersect(area);
    for (int n = 0; n < text.length(); n++) {
      char ch = text.charAt(n);
      int cellX = x + n * Font.ADVANCE;
      for (int gy = 0; gy < Font.HEIGHT; gy++) {
        for (int gx = 0; gx < Font.CELL_WIDTH; gx++) {
          if (Font.pixel(ch, gx, gy) && c.contains(cellX + gx, y + gy)) {
            pixels[index(cellX + gx, y + gy)] = colour;
          }
        }
      }
    }
  }

  /**
   * Writes the rectangle into the RGB565 picture of {@code bytesPerRow} per row whose pixel (0, 0) lies at
   * {@code picture} in {@code memory}; the rectangle must lie within the picture.
   */
  public void writeTo(MemoryView memory, long picture, int bytesPerRow) {
    for (int y = area.y(); y < area.bottom(); y++) {
      int at = index(area.x(), y);
      for (int i = 0; i < area.w(); i++) {
        PixelFormat.RGB565.store(row, i, pixels[at + i]);
      }
      memory.write(picture + (long) y * bytesPerRow + 2L * area.x(), row, 0, row.length);
    }
  }

  private int index(int x, int y) {
    return (y - area.y()) * area.w() + (x - area.x());
  }
}
