package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.os.gfx.Canvas;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.gfx.Rgb565;

/**
 * The mouse pointer nitpicker draws on top of everything: an arrow of our own design, black outline and
 * white inside, its tip (the hot spot) at the pointer position.
 */
final class Pointer {
  private static final String[] SHAPE = {
      "X..........",
      "XX.........",
      "XoX........",
      "XooX.......",
      "XoooX......",
      "XooooX.....",
      "XoooooX....",
      "XooooooX...",
      "XoooooooX..",
      "XooooooooX.",
      "XooooXXXXXX",
      "XooXoX.....",
      "XoX.XoX....",
      "XX..XoX....",
      "X....XoX...",
      ".....XoX...",
      "......XX...",
  };
  /** The pointer's width in pixels. */
  static final int WIDTH = SHAPE[0].length();
  /** The pointer's height in pixels. */
  static final int HEIGHT = SHAPE.length;
  private static final int OUTLINE = 0;
  private static final int INSIDE = Rgb565.of(0xff, 0xff, 0xff);

  private Pointer() {}

  /** Returns the rectangle the pointer covers with its tip at ({@code x}, {@code y}). */
  static Rect area(int x, int y) {
    return new Rect(x, y, WIDTH, HEIGHT);
  }

  /** Draws the pointer with its tip at ({@code x}, {@code y}). */
  static void draw(Canvas canvas, int x, int y) {
    for (int row = 0; row < HEIGHT; row++) {
      for (int col = 0; col < WIDTH; col++) {
        char c = SHAPE[row].charAt(col);
        if (c != '.') {
          canvas.plot(x + col, y + row, c == 'X' ? OUTLINE : INSIDE);
        }
      }
    }
  }
}
