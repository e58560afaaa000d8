package io.github.genova.genode.os.nitlog;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.gfx.Rgb565;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;

/**
 * Genode's classic demo component {@code nitlog} as a component: opens a Nitpicker session with a buffer of
 * {@value LogWindow#COLUMNS} × {@value LogWindow#ROWS} character cells plus a {@value #BORDER}-pixel border
 * ({@value #WIDTH} × {@value #HEIGHT} pixels), shows it through one view titled {@value #TITLE} at ({@value
 * #VIEW_X}, {@value #VIEW_Y}) of its Nitpicker coordinates (our placement: near the top-left corner, clear of
 * the pointer's start in the middle of a 1024 × 768 screen) and announces the {@value LogSession#SERVICE_NAME} service. Every write of a
 * session appears as {@code [label] text} (see {@link LogWindow}), the label in the session's colour from
 * {@link #LABEL_COLOURS} (handed out in turn), the text in {@link #TEXT}; the changed rows are refreshed at
 * once. A refused Nitpicker session is logged as an error and nitlog exits with 1.
 */
public final class Nitlog implements Component {
  /** Pixels of background around the text. */
  public static final int BORDER = 4;
  /** The buffer's width in pixels. */
  public static final int WIDTH = LogWindow.COLUMNS * Font.ADVANCE + 2 * BORDER;
  /** The buffer's height in pixels. */
  public static final int HEIGHT = LogWindow.ROWS * Font.HEIGHT + 2 * BORDER;
  /** The view's left column, in nitlog's Nitpicker coordinates. */
  public static final int VIEW_X = 30;
  /** The view's top row, in nitlog's Nitpicker coordinates (nitpicker shows it below its menubar). */
  public static final int VIEW_Y = 130;
  /** The view's title. */
  public static final String TITLE = "log";
  /** The colour behind the text (RGB565): a dark blue. */
  public static final int BACKGROUND = Rgb565.of(0x10, 0x10, 0x30);
  /** The colour of the text (RGB565): a light grey. */
  public static final int TEXT = Rgb565.of(0xc0, 0xc0, 0xc0);
  /** The label colours (RGB565), given to sessions in the order they are opened, then again from the first. */
  private static final int[] LABEL_COLOURS = {Rgb565.of(0xff, 0xc0, 0x40), Rgb565.of(0x40, 0xe0, 0xff),
      Rgb565.of(0x80, 0xff, 0x60), Rgb565.of(0xff, 0x70, 0xd0), Rgb565.of(0xff, 0x60, 0x40),
      Rgb565.of(0xa0, 0x90, 0xff)};

  /** Creates nitlog's code (its factory does). */
  public Nitlog() {}

  /** Returns the label colour of the {@code n}-th session nitlog opens (counting from 0). */
  public static int labelColour(int n) {
    return LABEL_COLOURS[Math.floorMod(n, LABEL_COLOURS.length)];
  }

  @Override
  public void construct(Env env) {
    NitpickerConnection nitpicker;
    try {
      nitpicker = new NitpickerConnection(env, WIDTH, HEIGHT);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no Nitpicker session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      env.parentInterface().exit(1);
      return;
    }
    LogWindow window = new LogWindow();
    WindowPainter painter = new WindowPainter(nitpicker, window);
    painter.paintAll(env.memory());
    View view = nitpicker.view(nitpicker.createView());
    view.viewport(VIEW_X, VIEW_Y, WIDTH, HEIGHT, 0, 0, false);
    view.title(TITLE);
    view.stack(Capability.invalid(), true, true);
    env.parentInterface().announce(LogSession.SERVICE_NAME,
        env.ep().manage(Root.class, new NitlogRoot(env, window, painter)));
  }
}
