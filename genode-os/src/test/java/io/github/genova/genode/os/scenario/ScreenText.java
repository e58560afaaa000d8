package io.github.genova.genode.os.scenario;

import io.github.genova.genode.os.gfx.Font;
import io.github.genova.platform.device.vga.FramebufferImage;

/**
 * Reads text off the screen as nitpicker's {@link Font} draws it: the GUI scenario tests check what a window
 * says by comparing the pixels of each character cell with the glyph they should show.
 */
public final class ScreenText {
  private ScreenText() {}

  /**
   * Returns whether the screen shows {@code text} with its first cell's top-left corner at ({@code x}, {@code
   * y}) in RGB565 colour {@code colour}: in each cell's {@link Font#ADVANCE} × {@link Font#HEIGHT} pixels,
   * exactly the glyph's set pixels have that colour. A trailing blank in {@code text} checks that no other
   * character follows.
   */
  public static boolean shows(FramebufferImage image, int x, int y, String text, int colour) {
    int argb = ScenarioUser.argb(colour);
    for (int n = 0; n < text.length(); n++) {
      for (int gy = 0; gy < Font.HEIGHT; gy++) {
        for (int gx = 0; gx < Font.ADVANCE; gx++) {
          boolean set = image.pixel(x + n * Font.ADVANCE + gx, y + gy) == argb;
          if (set != Font.pixel(text.charAt(n), gx, gy)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
