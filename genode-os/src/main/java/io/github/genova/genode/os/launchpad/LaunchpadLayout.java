package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.os.gfx.Rect;
import java.util.Optional;

/**
 * Where things lie in launchpad's {@value #WIDTH} × {@value #HEIGHT} window (buffer coordinates), from top
 * to bottom: the "Status" section with the bar of launchpad's RAM, the "Launcher" section with one row per
 * launcher (its name, which starts a child, and its quota bar), and the "Children" section with one row per
 * running child (name, quota and a kill button). Rows that would leave the window are not shown and cannot
 * be hit. Pure geometry: {@link #hit} tells what a click at a point means.
 *
 * @param launchers how many launchers there are
 */
record LaunchpadLayout(int launchers) {
  /** The window's width. */
  static final int WIDTH = 400;
  /** The window's height. */
  static final int HEIGHT = 400;
  /** The space left of the names and right of the bars. */
  static final int MARGIN = 8;
  /** The height of a section's title band. */
  static final int HEADER_HEIGHT = 14;
  /** The height of a row. */
  static final int ROW_HEIGHT = 16;
  /** The column where the bars start. */
  static final int BAR_X = 112;
  /** The width of the bars. */
  static final int BAR_WIDTH = WIDTH - MARGIN - BAR_X;
  /** The width of a kill button. */
  static final int KILL_WIDTH = 36;
  /** How far text lies below the top of its row (the font's cell is 8 rows high). */
  static final int TEXT_DY = 4;
  /** The top row of the "Launcher" section's title band. */
  static final int LAUNCHER_HEADER_Y = HEADER_HEIGHT + ROW_HEIGHT + 2;

  /** What a click at a point of the window means. */
  sealed interface Hit {
    /** The name of launcher {@code index}: start a child of it. */
    record Start(int index) implements Hit {}

    /** The quota bar of launcher {@code index}: set its quota (and drag to change it). */
    record Quota(int index) implements Hit {}

    /** The kill button of running child {@code index}: kill it. */
    record Kill(int index) implements Hit {}
  }

  LaunchpadLayout {
    if (launchers < 0) {
      throw new IllegalArgumentException("negative number of launchers: " + launchers);
    }
  }

  /** Returns the title band of the "Status" section. */
  Rect statusHeader() {
    return new Rect(0, 0, WIDTH, HEADER_HEIGHT);
  }

  /** Returns the row of launchpad's RAM. */
  Rect statusRow() {
    return new Rect(0, HEADER_HEIGHT, WIDTH, ROW_HEIGHT);
  }

  /** Returns the title band of the "Launcher" section. */
  Rect launcherHeader() {
    return new Rect(0, LAUNCHER_HEADER_Y, WIDTH, HEADER_HEIGHT);
  }

  /** Returns the row of launcher {@code i}. */
  Rect launcherRow(int i) {
    return new Rect(0, LAUNCHER_HEADER_Y + HEADER_HEIGHT + i * ROW_HEIGHT, WIDTH, ROW_HEIGHT);
  }

  /** Returns the name of launcher {@code i}, which starts a child when clicked. */
  Rect launcherName(int i) {
    return name(launcherRow(i));
  }

  /** Returns the name column of row {@code row}: a launcher's or a child's name. */
  static Rect name(Rect row) {
    return new Rect(MARGIN, row.y(), BAR_X - 2 * MARGIN, ROW_HEIGHT);
  }

  /** Returns the bar in row {@code row}: launchpad's RAM or a launcher's quota. */
  static Rect bar(Rect row) {
    return new Rect(BAR_X, row.y() + 2, BAR_WIDTH, ROW_HEIGHT - 4);
  }

  /** Returns the title band of the "Children" section. */
  Rect childrenHeader() {
    return new Rect(0, launcherRow(launchers).y() + 2, WIDTH, HEADER_HEIGHT);
  }

  /** Returns the row of running child {@code i}. */
  Rect childRow(int i) {
    return new Rect(0, childrenHeader().bottom() + i * ROW_HEIGHT, WIDTH, ROW_HEIGHT);
  }

  /** Returns the kill button of running child {@code i}. */
  Rect killButton(int i) {
    Rect row = childRow(i);
    return new Rect(WIDTH - MARGIN - KILL_WIDTH, row.y() + 2, KILL_WIDTH, ROW_HEIGHT - 4);
  }

  /** Returns whether row {@code r} lies wholly in the window. */
  static boolean shown(Rect r) {
    return r.y() >= 0 && r.bottom() <= HEIGHT;
  }

  /** Returns what a click at ({@code x}, {@code y}) means while {@code children} children run, if anything. */
  Optional<Hit> hit(int x, int y, int children) {
    for (int i = 0; i < launchers && shown(launcherRow(i)); i++) {
      if (launcherName(i).contains(x, y)) {
        return Optional.of(new Hit.Start(i));
      }
      if (bar(launcherRow(i)).contains(x, y)) {
        return Optional.of(new Hit.Quota(i));
      }
    }
    for (int i = 0; i < children && shown(childRow(i)); i++) {
      if (killButton(i).contains(x, y)) {
        return Optional.of(new Hit.Kill(i));
      }
    }
    return Optional.empty();
  }
}
