package io.github.genova.genode.os.nitlog;

import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.nova.api.MemoryView;

/**
 * Draws a {@link LogWindow} into nitlog's Nitpicker buffer and tells nitpicker what changed: cell
 * ({@code column}, {@code row}) is the {@link Font#ADVANCE} × {@link Font#HEIGHT} pixels at ({@link
 * Nitlog#BORDER} + column × advance, {@link Nitlog#BORDER} + row × height), its glyph's set pixels in the
 * cell's colour, the rest {@link Nitlog#BACKGROUND}. Each row is written one pixel row at a time.
 */
final class WindowPainter {
  private final NitpickerConnection nitpicker;
  private final LogWindow window;
  /** One pixel row of the buffer, little-endian RGB565. */
  private final byte[] line;

  WindowPainter(NitpickerConnection nitpicker, LogWindow window) {
    this.nitpicker = nitpicker;
    this.window = window;
    this.line = new byte[2 * Nitlog.WIDTH];
  }

  /** Fills the whole buffer with the background and draws every row, then refreshes it all. */
  void paintAll(MemoryView memory) {
    for (int i = 0; i < Nitlog.WIDTH; i++) {
      put(i, Nitlog.BACKGROUND);
    }
    for (int y = 0; y < Nitlog.HEIGHT; y++) {
      memory.write(nitpicker.pixelAddress(0, y), line, 0, line.length);
    }
    draw(memory, LogWindow.Damage.ALL);
    nitpicker.refresh(0, 0, Nitlog.WIDTH, Nitlog.HEIGHT);
  }

  /** Draws the rows {@code damage} names and refreshes them. */
  void paint(MemoryView memory, LogWindow.Damage damage) {
    draw(memory, damage);
    nitpicker.refresh(0, Nitlog.BORDER + damage.first() * Font.HEIGHT, Nitlog.WIDTH,
        damage.count() * Font.HEIGHT);
  }

  private void draw(MemoryView memory, LogWindow.Damage damage) {
    for (int row = damage.first(); row < damage.first() + damage.count(); row++) {
      for (int y = 0; y < Font.HEIGHT; y++) {
        for (int column = 0; column < LogWindow.COLUMNS; column++) {
          char c = window.charAt(row, column);
          int colour = window.colourAt(row, column);
          int x0 = Nitlog.BORDER + column * Font.ADVANCE;
          for (int x = 0; x < Font.ADVANCE; x++) {
            put(x0 + x, Font.pixel(c, x, y) ? colour : Nitlog.BACKGROUND);
          }
        }
        int py = Nitlog.BORDER + row * Font.HEIGHT + y;
        int from = 2 * Nitlog.BORDER;
        memory.write(nitpicker.pixelAddress(Nitlog.BORDER, py), line, from,
            2 * LogWindow.COLUMNS * Font.ADVANCE);
      }
    }
  }

  private void put(int x, int pixel) {
    PixelFormat.RGB565.store(line, x, pixel);
  }
}
