package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.gfx.Canvas;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.gfx.Rgb565;
import io.github.genova.nova.api.MemoryView;
import java.util.List;

/**
 * Draws launchpad's window into its Nitpicker buffer with nitpicker's {@link Canvas} and {@link Font}, as
 * {@link LaunchpadLayout} places it: title bands in {@link #HEADER} with their titles in {@link #TEXT}; the
 * status row "RAM" with a bar whose {@link #USED} part is launchpad's RAM in use by children and the text
 * {@code <free> of <total> free}; a row per launcher with its name and its quota bar ({@link #QUOTA} part
 * the quota against launchpad's total, the quota written on it); a row per child with its name, its quota
 * and a {@link #KILL} button labelled "kill". Everything else is {@link #BACKGROUND}; text lies {@link
 * LaunchpadLayout#TEXT_DY} rows below its row's top, on bars {@value #BAR_TEXT_DX} columns in.
 */
final class LaunchpadPainter {
  /** The window's background (RGB565). */
  static final int BACKGROUND = Rgb565.of(0x30, 0x30, 0x38);
  /** The title bands. */
  static final int HEADER = Rgb565.of(0x48, 0x58, 0x90);
  /** All text. */
  static final int TEXT = Rgb565.of(0xf0, 0xf0, 0xf0);
  /** The empty part of a bar. */
  static final int BAR = Rgb565.of(0x10, 0x10, 0x18);
  /** The filled part of a launcher's quota bar. */
  static final int QUOTA = Rgb565.of(0x38, 0x88, 0x38);
  /** The filled part of the RAM bar: what the children hold. */
  static final int USED = Rgb565.of(0xa0, 0x68, 0x20);
  /** A kill button. */
  static final int KILL = Rgb565.of(0xb0, 0x30, 0x30);
  /** How far text on a bar or button lies right of its left edge. */
  static final int BAR_TEXT_DX = 4;

  /** What one child row shows. */
  record ChildRow(String name, long ramQuota) {}

  private static final Rect WINDOW = new Rect(0, 0, LaunchpadLayout.WIDTH, LaunchpadLayout.HEIGHT);

  private final NitpickerConnection nitpicker;
  private final Canvas canvas = new Canvas(WINDOW);

  LaunchpadPainter(NitpickerConnection nitpicker) {
    this.nitpicker = nitpicker;
  }

  /** Returns the text of the status row for {@code free} of {@code total} bytes. */
  static String status(long free, long total) {
    return QuotaBar.label(free) + " of " + QuotaBar.label(total) + " free";
  }

  /** Draws the whole window and tells nitpicker. */
  void paint(MemoryView memory, List<Launcher> launchers, List<ChildRow> children, long free, long total) {
    LaunchpadLayout layout = new LaunchpadLayout(launchers.size());
    canvas.fill(WINDOW, BACKGROUND);
    header(layout.statusHeader(), "Status");
    Rect status = layout.statusRow();
    name(status, "RAM");
    bar(new QuotaBar(LaunchpadLayout.bar(status), total), total - free, USED, status(free, total));
    header(layout.launcherHeader(), "Launcher");
    for (int i = 0; i < launchers.size() && LaunchpadLayout.shown(layout.launcherRow(i)); i++) {
      Launcher l = launchers.get(i);
      Rect row = layout.launcherRow(i);
      name(row, l.binary());
      bar(new QuotaBar(LaunchpadLayout.bar(row), total), l.ramQuota(), QUOTA, QuotaBar.label(l.ramQuota()));
    }
    header(layout.childrenHeader(), "Children");
    for (int i = 0; i < children.size() && LaunchpadLayout.shown(layout.childRow(i)); i++) {
      Rect row = layout.childRow(i);
      name(row, children.get(i).name());
      Rect quota = LaunchpadLayout.bar(row);
      canvas.text(quota, quota.x() + BAR_TEXT_DX, row.y() + LaunchpadLayout.TEXT_DY,
          QuotaBar.label(children.get(i).ramQuota()), TEXT);
      Rect kill = layout.killButton(i);
      canvas.fill(kill, KILL);
      canvas.text(kill, kill.x() + BAR_TEXT_DX, row.y() + LaunchpadLayout.TEXT_DY, "kill", TEXT);
    }
    canvas.writeTo(memory, nitpicker.pixelAddress(0, 0), nitpicker.mode().bytesPerRow());
    nitpicker.refresh(0, 0, LaunchpadLayout.WIDTH, LaunchpadLayout.HEIGHT);
  }

  private void header(Rect band, String title) {
    if (LaunchpadLayout.shown(band)) {
      canvas.fill(band, HEADER);
      canvas.text(band, LaunchpadLayout.MARGIN, band.y() + (band.h() - Font.HEIGHT) / 2 + 1, title, TEXT);
    }
  }

  /** Writes {@code text} in the name column of {@code row}, cut at the column's end. */
  private void name(Rect row, String text) {
    Rect column = LaunchpadLayout.name(row);
    canvas.text(column, column.x(), row.y() + LaunchpadLayout.TEXT_DY, text, TEXT);
  }

  private void bar(QuotaBar bar, long amount, int colour, String label) {
    Rect area = bar.area();
    canvas.fill(area, BAR);
    canvas.fill(new Rect(area.x(), area.y(), bar.filled(amount), area.h()), colour);
    canvas.text(area, area.x() + BAR_TEXT_DX, area.y() - 2 + LaunchpadLayout.TEXT_DY, label, TEXT);
  }
}
