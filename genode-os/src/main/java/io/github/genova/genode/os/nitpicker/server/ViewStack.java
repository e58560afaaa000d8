package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.os.framebuffer.FramebufferConnection;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.gfx.Canvas;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.gfx.Rgb565;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Nitpicker's screen (Genode's {@code View_stack}): the views of all sessions in stacking order, the
 * background view behind them, the 16-pixel menubar on top, and the rectangles that need redrawing. {@link
 * #flush()} composes each dirty rectangle back to front — background colour, the background view, the
 * views from the bottom up, each clipped to its rectangle and showing its client's buffer at the buffer
 * offset, then the menubar and the mouse {@link Pointer} — writes it to the physical framebuffer and
 * refreshes just that rectangle. The views of {@code stay_top} sessions stay above all others: a new or
 * restacked view finds its place within its own group.
 *
 * <p>In X-ray mode every view gets a frame in its session's colour and a label {@code "<session label>
 * <title>"}, and the views of sessions other than the focused one are dimmed (mixed half and half with the
 * session colour). Used on nitpicker's entrypoint only.
 */
final class ViewStack {
  /** The height of the menubar; client views and pointer positions are shifted by it. */
  static final int MENUBAR_HEIGHT = 16;
  /** The width of a view's frame in X-ray mode. */
  static final int FRAME = 2;
  /** The colour of the screen where no view is. */
  static final int BACKGROUND = Rgb565.of(0x30, 0x40, 0x50);
  /** The menubar's colour in flat mode. */
  static final int MENUBAR = Rgb565.of(0x80, 0x80, 0x80);
  /** The menubar's colour in kill mode. */
  static final int KILL = Rgb565.of(0xff, 0x00, 0x00);
  /** The colour of text. */
  static final int TEXT = Rgb565.of(0xff, 0xff, 0xff);
  private static final int BLACK = 0;
  private static final int MAX_DIRTY = 8;

  private final Env env;
  private final FramebufferConnection screen;
  private final Mode mode;
  /** Front first. */
  private final List<ViewComponent> views = new ArrayList<>();
  private final List<Rect> dirty = new ArrayList<>();
  private @Nullable ViewComponent background;
  private @Nullable NitpickerSessionComponent focused;
  private @Nullable ViewComponent focusedView;
  private boolean xray;
  private boolean kill;
  private int pointerX;
  private int pointerY;

  ViewStack(Env env, FramebufferConnection screen) {
    this.env = env;
    this.screen = screen;
    this.mode = screen.mode();
    invalidate(bounds());
  }

  /** Returns the whole screen. */
  Rect bounds() {
    return new Rect(0, 0, mode.width(), mode.height());
  }

  /** Puts a new view on top of its group (it is empty, so nothing needs redrawing). */
  void add(ViewComponent view) {
    views.add(view.staysOnTop() ? 0 : stayTopCount(), view);
  }

  /** Returns how many views, at the front, belong to {@code stay_top} sessions. */
  private int stayTopCount() {
    int n = 0;
    while (n < views.size() && views.get(n).staysOnTop()) {
      n++;
    }
    return n;
  }

  /** Takes {@code view} off the screen. */
  void remove(ViewComponent view) {
    invalidateView(view);
    views.remove(view);
    if (background == view) {
      background = null;
    }
    if (focusedView == view) {
      focusedView = null;
      invalidate(menubar());
    }
  }

  /**
   * Restacks {@code view} directly behind ({@code behind}) or in front of {@code neighbor}; a null
   * neighbor means on top ({@code behind}) or at the bottom — of the view's group: a view of a {@code
   * stay_top} session never goes below one of another session, nor the other way round.
   */
  void restack(ViewComponent view, @Nullable ViewComponent neighbor, boolean behind) {
    if (view == neighbor || view == background) {
      return;
    }
    views.remove(view);
    int at;
    if (neighbor == null || !views.contains(neighbor)) {
      at = behind ? 0 : views.size();
    } else {
      at = views.indexOf(neighbor) + (behind ? 1 : 0);
    }
    int top = stayTopCount();
    at = view.staysOnTop() ? Math.min(at, top) : Math.max(at, top);
    views.add(at, view);
    invalidateView(view);
  }

  /** Makes {@code view} the background view, drawn behind all others. */
  void background(ViewComponent view) {
    ViewComponent old = background;
    if (old != null) {
      views.add(old.staysOnTop() ? stayTopCount() : views.size(), old); // the bottom of its group
    }
    views.remove(view);
    background = view;
    invalidateView(view);
  }

  /** Redraws what a title change touches: the menubar and, in X-ray mode, the view's label. */
  void titleChanged(ViewComponent view) {
    invalidate(menubar());
    if (xray) {
      invalidateView(view);
    }
  }

  /** Returns the topmost visible view at screen pixel ({@code x}, {@code y}), or null. */
  @Nullable ViewComponent viewAt(int x, int y) {
    if (y < MENUBAR_HEIGHT) {
      return null;
    }
    for (ViewComponent v : views) {
      if (visible(v) && v.screenRect().contains(x, y)) {
        return v;
      }
    }
    ViewComponent bg = background;
    return bg != null && visible(bg) && bg.screenRect().contains(x, y) ? bg : null;
  }

  private static boolean visible(ViewComponent v) {
    return !v.session().lockedOut() && !v.screenRect().isEmpty();
  }

  /** Moves the drawn pointer's tip to ({@code x}, {@code y}). */
  void movePointer(int x, int y) {
    if (x == pointerX && y == pointerY) {
      return;
    }
    invalidate(Pointer.area(pointerX, pointerY));
    pointerX = x;
    pointerY = y;
    invalidate(Pointer.area(x, y));
  }

  /** Returns the focused session, or null. */
  @Nullable NitpickerSessionComponent focused() {
    return focused;
  }

  /** Gives the focus to {@code view}'s session ({@code view} names it in the menubar); null takes it away. */
  void focus(@Nullable ViewComponent view) {
    NitpickerSessionComponent session = view == null ? null : view.session();
    if (session != focused && xray) {
      invalidate(bounds());
    }
    focused = session;
    focusedView = view;
    invalidate(menubar());
  }

  /** Returns whether X-ray mode is on. */
  boolean xray() {
    return xray;
  }

  /** Toggles X-ray mode; everything is redrawn. */
  void toggleXray() {
    xray = !xray;
    invalidate(bounds());
  }

  /** Returns whether kill mode is on. */
  boolean kill() {
    return kill;
  }

  /** Switches kill mode on or off; the menubar shows it. */
  void kill(boolean on) {
    kill = on;
    invalidate(menubar());
  }

  /** Marks the area {@code view} covers, its X-ray frame included, as dirty. */
  void invalidateView(ViewComponent view) {
    invalidate(view.screenRect().grow(FRAME));
  }

  /** Marks {@code r} as needing a redraw. */
  void invalidate(Rect r) {
    Rect clipped = r.intersect(bounds());
    if (clipped.isEmpty()) {
      return;
    }
    if (dirty.size() == MAX_DIRTY) {
      Rect all = clipped;
      for (Rect d : dirty) {
        all = all.union(d);
      }
      dirty.clear();
      dirty.add(all);
      return;
    }
    dirty.add(clipped);
  }

  private Rect menubar() {
    return new Rect(0, 0, mode.width(), MENUBAR_HEIGHT);
  }

  /** Redraws the dirty rectangles onto the physical framebuffer and refreshes them there. */
  void flush() {
    List<Rect> todo = List.copyOf(dirty);
    dirty.clear();
    for (Rect r : todo) {
      draw(r);
      screen.refresh(r.x(), r.y(), r.w(), r.h());
    }
  }

  private void draw(Rect area) {
    Canvas canvas = new Canvas(area);
    canvas.fill(area, BACKGROUND);
    ViewComponent bg = background;
    if (bg != null && visible(bg)) {
      drawView(canvas, bg);
    }
    for (ViewComponent v : views.reversed()) {
      if (visible(v)) {
        drawView(canvas, v);
      }
    }
    drawMenubar(canvas);
    Pointer.draw(canvas, pointerX, pointerY);
    canvas.writeTo(env.memory(), screen.address(), screen.mode().bytesPerRow());
  }

  private void drawView(Canvas canvas, ViewComponent view) {
    NitpickerSessionComponent session = view.session();
    Rect r = view.screenRect();
    if (xray) {
      canvas.fill(r.grow(FRAME), BLACK);
      canvas.fill(r.grow(FRAME - 1), session.colour());
    }
    Mode buffer = session.mode();
    Rect shown = r.intersect(new Rect(view.bufferOriginX(), view.bufferOriginY(), buffer.width(), buffer.height()));
    canvas.fill(r, BLACK);
    canvas.copy(env.memory(), shown, session.bufferAt(), buffer.bytesPerRow(), view.bufferOriginX(),
        view.bufferOriginY());
    if (xray && session != focused) {
      canvas.mix(r, session.colour());
    }
    if (xray) {
      String label = view.title().isEmpty() ? session.label() : session.label() + " " + view.title();
      canvas.text(r, r.x() + 2, r.y() + 2, label, TEXT);
    }
  }

  private void drawMenubar(Canvas canvas) {
    Rect bar = menubar();
    NitpickerSessionComponent f = focused;
    int colour = kill ? KILL : xray && f != null ? f.colour() : MENUBAR;
    canvas.fill(bar, colour);
    String text;
    if (kill) {
      text = "kill mode: click the session to lock out";
    } else if (f == null) {
      text = "";
    } else {
      ViewComponent v = focusedView;
      text = v == null || v.title().isEmpty() ? f.label() : f.label() + " " + v.title();
    }
    canvas.text(bar, 4, (MENUBAR_HEIGHT - Font.HEIGHT) / 2, text, TEXT);
  }
}
