package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.sync.Mutex;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.gfx.Canvas;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.gfx.Rgb565;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;

/**
 * liquid_fb's window on nitpicker: one view of liquid_fb's nitpicker buffer showing the {@link Decoration}
 * around the client's picture, which lives in a RAM dataspace of liquid_fb's own ({@link #clientBuffer()},
 * the dataspace of the Framebuffer session), allocated at start for the largest content, the configured one.
 * The client's picture is read in the {@link #clientMode() mode} the client was last told; where the content
 * area is larger than that mode, {@link #BACKGROUND} shows. The resize handle is drawn as a triangle mixed
 * half and half with {@link #HANDLE} over the content's corner.
 *
 * <p>Thread-safe: liquid_fb's input thread (moving, resizing, raising) and its entrypoint (the client's
 * refreshes) take turns on a Genode {@link Mutex}; each change is composed on a {@link Canvas}, written to the
 * nitpicker buffer and refreshed there before the mutex is released.
 */
final class LiquidWindow {
  /** The frame and the line under the title bar (RGB565 black). */
  static final int FRAME = 0;
  /** The title bar's colour. */
  static final int TITLE_BAR = Rgb565.of(0x50, 0x68, 0x90);
  /** The title's colour. */
  static final int TITLE_TEXT = Rgb565.of(0xff, 0xff, 0xff);
  /** What the content area shows where the client's picture does not reach. */
  static final int BACKGROUND = Rgb565.of(0x20, 0x28, 0x30);
  /** The colour the resize handle's triangle is mixed with. */
  static final int HANDLE = Rgb565.of(0xff, 0xff, 0xff);

  private final Env env;
  private final NitpickerConnection nitpicker;
  private final View view;
  private final Decoration largest;
  private final AttachedRamDataspace client;
  private final String title;
  private final Mutex mutex = new Mutex();
  private Decoration decoration;
  private Mode clientMode;
  private int x;
  private int y;

  /**
   * Creates the window of {@code largest} at ({@code x}, {@code y}) of liquid_fb's nitpicker coordinates,
   * shows it on top and titles it; the client's picture is {@code client}, at least {@code largest}'s content
   * in RGB565.
   */
  LiquidWindow(Env env, NitpickerConnection nitpicker, AttachedRamDataspace client, Decoration largest, int x,
      int y, String title) {
    this.env = env;
    this.nitpicker = nitpicker;
    this.client = client;
    this.largest = largest;
    this.decoration = largest;
    this.clientMode = new Mode(largest.contentWidth(), largest.contentHeight(), PixelFormat.RGB565);
    this.title = title;
    this.x = x;
    this.y = y;
    this.view = nitpicker.view(nitpicker.createView());
    compose(decoration.window());
    view.viewport(x, y, decoration.width(), decoration.height(), 0, 0, false);
    view.title(title.length() < View.TITLE_BOUND ? title : title.substring(0, View.TITLE_BOUND - 1));
    view.stack(Capability.invalid(), true, true);
  }

  /** Returns the dataspace of the client's picture. */
  Capability<Dataspace> clientBuffer() {
    return client.dataspace();
  }

  /** Returns the largest decoration, the one the window started with. */
  Decoration largest() {
    return largest;
  }

  /**
   * Returns the client's mode, the content area's current size, and reads the client's picture in it from now
   * on (the client asked for it, so it draws in it); the content is redrawn when the mode changed.
   */
  Mode clientMode() {
    mutex.acquire();
    try {
      Mode now = new Mode(decoration.contentWidth(), decoration.contentHeight(), PixelFormat.RGB565);
      if (!now.equals(clientMode)) {
        clientMode = now;
        compose(decoration.content());
      }
      return clientMode;
    } finally {
      mutex.release();
    }
  }

  /**
   * Shows the client's rectangle at ({@code cx}, {@code cy}) of {@code w × h} pixels of its picture; the part
   * outside its mode or the content area is ignored.
   */
  void refreshClient(int cx, int cy, int w, int h) {
    mutex.acquire();
    try {
      Rect content = decoration.content();
      compose(new Rect(cx, cy, w, h).intersect(new Rect(0, 0, clientMode.width(), clientMode.height()))
          .translate(content.x(), content.y()).intersect(content));
    } finally {
      mutex.release();
    }
  }

  /** Moves the window's top-left corner to ({@code nx}, {@code ny}) of liquid_fb's nitpicker coordinates. */
  void moveTo(int nx, int ny) {
    mutex.acquire();
    try {
      x = nx;
      y = ny;
      view.viewport(x, y, decoration.width(), decoration.height(), 0, 0, true);
    } finally {
      mutex.release();
    }
  }

  /** Gives the window the decoration {@code d} (a content area no larger than {@link #largest()}'s). */
  void resizeTo(Decoration d) {
    mutex.acquire();
    try {
      if (d.equals(decoration)) {
        return;
      }
      decoration = d;
      compose(d.window());
      view.viewport(x, y, d.width(), d.height(), 0, 0, true);
    } finally {
      mutex.release();
    }
  }

  /** Puts the window in front of every other view. */
  void raise() {
    view.stack(Capability.invalid(), true, true);
  }

  /** Returns the window's current decoration. */
  Decoration decoration() {
    mutex.acquire();
    try {
      return decoration;
    } finally {
      mutex.release();
    }
  }

  /** Returns the window's left column in liquid_fb's nitpicker coordinates (only the input thread moves it). */
  int x() {
    return x;
  }

  /** Returns the window's top row in liquid_fb's nitpicker coordinates (only the input thread moves it). */
  int y() {
    return y;
  }

  /** Composes the window's rectangle {@code area}, writes it to the nitpicker buffer and refreshes it there. */
  private void compose(Rect area) {
    Rect r = area.intersect(decoration.window());
    if (r.isEmpty()) {
      return;
    }
    Canvas canvas = new Canvas(r);
    canvas.fill(decoration.window(), FRAME);
    Rect bar = decoration.titleBar();
    canvas.fill(bar, TITLE_BAR);
    int textX = bar.x() + Math.max(4, (bar.w() - Font.width(title)) / 2);
    canvas.text(bar, textX, bar.y() + (bar.h() - Font.HEIGHT) / 2, title, TITLE_TEXT);
    Rect content = decoration.content();
    canvas.fill(content, BACKGROUND);
    Rect picture = new Rect(content.x(), content.y(), clientMode.width(), clientMode.height()).intersect(content);
    canvas.copy(env.memory(), picture, client.address(), clientMode.bytesPerRow(), content.x(), content.y());
    Rect handle = decoration.resizeHandle();
    for (int row = 0; row < handle.h(); row++) {
      int from = handle.w() - 1 - row;
      canvas.mix(new Rect(handle.x() + from, handle.y() + row, handle.w() - from, 1), HANDLE);
    }
    canvas.writeTo(env.memory(), nitpicker.pixelAddress(0, 0), nitpicker.mode().bytesPerRow());
    nitpicker.refresh(r.x(), r.y(), r.w(), r.h());
  }
}
