package io.github.genova.genode.os.test.framebuffer;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.framebuffer.FramebufferConnection;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.framebuffer.PixelFormat;

/**
 * Genode's framebuffer test (the binary {@code test-framebuffer}): opens a Framebuffer session, logs {@code
 * mode W x H FORMAT}, fills the picture with {@link #pattern} row by row, refreshes all of it, logs {@code
 * pattern drawn} and exits with 0. Without a session, or in a format other than RGB565, it logs an error
 * and exits with 1.
 */
public final class FramebufferTest implements Component {
  /** The width of one colour band of the pattern, in pixels. */
  public static final int BAND = 64;
  /** RGB565 red. */
  public static final int RED = 0xf800;
  /** RGB565 green. */
  public static final int GREEN = 0x07e0;
  /** RGB565 blue. */
  public static final int BLUE = 0x001f;
  /** RGB565 white. */
  public static final int WHITE = 0xffff;

  /** Creates the test's code (its factory does). */
  public FramebufferTest() {}

  /** The pattern's RGB565 pixel at ({@code x}, {@code y}): red, green and blue bands, white on the diagonal. */
  public static int pattern(int x, int y) {
    if (x == y) {
      return WHITE;
    }
    return switch ((x / BAND) % 3) {
      case 0 -> RED;
      case 1 -> GREEN;
      default -> BLUE;
    };
  }

  @Override
  public void construct(Env env) {
    env.log().log("--- framebuffer test ---");
    try (FramebufferConnection fb = new FramebufferConnection(env)) {
      Mode mode = fb.mode();
      env.log().log("mode " + mode.width() + "x" + mode.height() + " " + mode.format());
      if (mode.format() != PixelFormat.RGB565) {
        env.log().error("cannot draw in " + mode.format());
        env.parentInterface().exit(1);
        return;
      }
      byte[] row = new byte[mode.bytesPerRow()];
      for (int y = 0; y < mode.height(); y++) {
        for (int x = 0; x < mode.width(); x++) {
          PixelFormat.RGB565.store(row, x, pattern(x, y));
        }
        env.memory().write(fb.pixelAddress(0, y), row, 0, row.length);
      }
      fb.refresh(0, 0, mode.width(), mode.height());
      env.log().log("pattern drawn");
      env.parentInterface().exit(0);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no Framebuffer session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      env.parentInterface().exit(1);
    }
  }
}
