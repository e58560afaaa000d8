package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.nitpicker.View;

/**
 * One view at the server: its session, its rectangle in the client's coordinates, the buffer offset and
 * the title. Its functions run on nitpicker's entrypoint and change the {@link ViewStack}, which redraws
 * what the change uncovered and covered.
 */
final class ViewComponent implements View {
  private final NitpickerSessionComponent session;
  private final ViewStack stack;
  private Rect geometry = Rect.EMPTY;
  private int bufX;
  private int bufY;
  private String title = "";

  ViewComponent(NitpickerSessionComponent session, ViewStack stack) {
    this.session = session;
    this.stack = stack;
  }

  /** Returns whether the view stays above the views of sessions without {@code stay_top}. */
  boolean staysOnTop() {
    return session.staysOnTop();
  }

  @Override
  public int viewport(int x, int y, int w, int h, int bufX, int bufY, boolean redraw) {
    stack.invalidateView(this);
    this.geometry = new Rect(x, y, Math.max(0, w), Math.max(0, h));
    this.bufX = bufX;
    this.bufY = bufY;
    stack.invalidateView(this);
    if (redraw) {
      stack.flush();
    }
    return 0;
  }

  @Override
  public int stack(Capability<View> neighbor, boolean behind, boolean redraw) {
    ViewComponent other = null;
    if (neighbor.valid()) {
      other = session.lookUpView(neighbor);
      if (other == null) {
        return -1;
      }
    }
    stack.restack(this, other, behind);
    if (redraw) {
      stack.flush();
    }
    return 0;
  }

  @Override
  public int title(String title) {
    this.title = title;
    stack.titleChanged(this);
    return 0;
  }

  /** Returns the view's session. */
  NitpickerSessionComponent session() {
    return session;
  }

  /** Returns the view's rectangle on the screen: the client's shifted below the menubar. */
  Rect screenRect() {
    return geometry.translate(0, ViewStack.MENUBAR_HEIGHT);
  }

  /** Returns where the buffer's pixel (0, 0) lies on the screen. */
  int bufferOriginX() {
    return screenRect().x() + bufX;
  }

  /** Returns where the buffer's pixel (0, 0) lies on the screen. */
  int bufferOriginY() {
    return screenRect().y() + bufY;
  }

  /** Returns the view's title. */
  String title() {
    return title;
  }
}
