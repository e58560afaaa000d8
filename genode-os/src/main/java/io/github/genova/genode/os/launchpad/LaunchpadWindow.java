package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.nova.api.MemoryView;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * launchpad's window and what the user does in it: a left click on a launcher's name starts a child of it,
 * a press on its quota bar sets its quota to the pointer's column and dragging along the bar changes it
 * until the button is released (see {@link QuotaBar}; the maximum is launchpad's RAM for children), a click
 * on a child's kill button kills the child. Events come in launchpad's Nitpicker coordinates; the window's
 * top-left corner lies at ({@code viewX}, {@code viewY}). Used by launchpad's one GUI thread.
 */
final class LaunchpadWindow {
  /** {@code BTN_LEFT}, the left mouse button's key code. */
  static final int BTN_LEFT = 0x110;

  private final List<Launcher> launchers;
  private final LaunchpadChildren children;
  private final LaunchpadPainter painter;
  private final LaunchpadLayout layout;
  private final int viewX;
  private final int viewY;
  /** The launcher whose quota bar is being dragged, or -1. */
  private int dragging = -1;

  LaunchpadWindow(List<Launcher> launchers, LaunchpadChildren children, LaunchpadPainter painter, int viewX,
      int viewY) {
    this.launchers = new ArrayList<>(launchers);
    this.children = children;
    this.painter = painter;
    this.layout = new LaunchpadLayout(launchers.size());
    this.viewX = viewX;
    this.viewY = viewY;
  }

  /** Acts on {@code event}; returns whether the window changed. */
  boolean handle(InputEvent event) {
    int x = event.ax() - viewX;
    int y = event.ay() - viewY;
    return switch (event.type()) {
      case PRESS -> event.keycode() == BTN_LEFT && click(x, y);
      case RELEASE -> {
        if (event.keycode() == BTN_LEFT) {
          dragging = -1;
        }
        yield false;
      }
      case MOTION -> dragging >= 0 && setQuota(dragging, x);
      default -> false;
    };
  }

  private boolean click(int x, int y) {
    Optional<LaunchpadLayout.Hit> hit = layout.hit(x, y, children.running().size());
    if (hit.isEmpty()) {
      return false;
    }
    return switch (hit.get()) {
      case LaunchpadLayout.Hit.Start(int i) -> children.start(launchers.get(i)).isPresent();
      case LaunchpadLayout.Hit.Quota(int i) -> {
        dragging = i;
        yield setQuota(i, x);
      }
      case LaunchpadLayout.Hit.Kill(int i) -> children.kill(children.running().get(i).name());
    };
  }

  private boolean setQuota(int launcher, int x) {
    long quota = new QuotaBar(LaunchpadLayout.bar(layout.launcherRow(launcher)), children.totalRam()).quotaAt(x);
    Launcher l = launchers.get(launcher);
    if (quota == l.ramQuota()) {
      return false;
    }
    launchers.set(launcher, l.withRamQuota(quota));
    return true;
  }

  /** Draws the window as it is now. */
  void paint(MemoryView memory) {
    List<LaunchpadPainter.ChildRow> rows = new ArrayList<>();
    children.running().forEach(r -> rows.add(new LaunchpadPainter.ChildRow(r.name(), r.ramQuota())));
    painter.paint(memory, launchers, rows, children.freeRam(), children.totalRam());
  }
}
