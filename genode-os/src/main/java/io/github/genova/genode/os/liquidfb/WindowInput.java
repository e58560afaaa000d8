package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.input.InputEvent;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the user does with liquid_fb's window, from the events nitpicker routes to liquid_fb (positions in
 * liquid_fb's nitpicker coordinates):
 *
 * <ul>
 *   <li>A mouse-button press on the window raises it. A left press on the title bar starts moving the window,
 *       on the resize handle resizing it; until the release, motion moves the window by as much as the
 *       pointer moved, or resizes the content area by as much (kept between {@link Decoration#MIN_CONTENT}
 *       and the configured size).
 *   <li>Motion over the content area, wheel turns there, and a press there with everything up to its release,
 *       go to the client, positions translated to the client's picture (the content's top-left pixel is (0,
 *       0)); {@code LEAVE} goes to the client when nitpicker reports the pointer left.
 *   <li>Keys other than the left button go to the client wherever the pointer is (liquid_fb has the focus).
 * </ul>
 *
 * Used by liquid_fb's input thread only.
 */
final class WindowInput {
  /** {@code BTN_LEFT}. */
  static final int BTN_LEFT = 0x110;
  private static final int BTN_LAST = 0x117;

  /** What a held left button does. */
  private enum Drag {
    NONE, MOVE, RESIZE, CLIENT, SWALLOWED
  }

  private final LiquidWindow window;
  private final Consumer<InputEvent> client;
  private Drag drag = Drag.NONE;
  private int pointerX = Integer.MIN_VALUE;
  private int pointerY = Integer.MIN_VALUE;
  /** Where the pointer was when the drag began. */
  private int grabX;
  private int grabY;
  /** Where the window was, and how large, when the drag began. */
  private int startX;
  private int startY;
  private Decoration startDecoration;

  /** Routes the input of {@code window}; what goes to the client is handed to {@code client}. */
  WindowInput(LiquidWindow window, Consumer<InputEvent> client) {
    this.window = window;
    this.client = client;
    this.startDecoration = window.largest();
  }

  /** Handles the events of one flush, oldest first. */
  void handle(List<InputEvent> events) {
    for (InputEvent e : events) {
      switch (e.type()) {
        case MOTION -> motion(e.ax(), e.ay());
        case PRESS -> press(e);
        case RELEASE -> release(e);
        case WHEEL -> {
          if (overContent()) {
            client.accept(toClient(InputEvent.Type.WHEEL, 0, e.rx(), e.ry()));
          }
        }
        case LEAVE -> client.accept(e);
        default -> { }
      }
    }
  }

  private void motion(int ax, int ay) {
    pointerX = ax;
    pointerY = ay;
    switch (drag) {
      case MOVE -> window.moveTo(startX + ax - grabX, startY + ay - grabY);
      case RESIZE -> window.resizeTo(startDecoration.resizedBy(ax - grabX, ay - grabY, window.largest()));
      case CLIENT -> client.accept(toClient(InputEvent.Type.MOTION, 0, 0, 0));
      case SWALLOWED -> { }
      case NONE -> {
        if (overContent()) {
          client.accept(toClient(InputEvent.Type.MOTION, 0, 0, 0));
        }
      }
    }
  }

  private void press(InputEvent e) {
    position(e);
    int key = e.keycode();
    boolean button = key >= BTN_LEFT && key <= BTN_LAST;
    Decoration.Part part = partAtPointer();
    if (button && part != Decoration.Part.OUTSIDE) {
      window.raise();
    }
    if (key != BTN_LEFT) {
      client.accept(toClient(InputEvent.Type.PRESS, key, 0, 0));
      return;
    }
    if (drag != Drag.NONE) {
      return;
    }
    grabX = pointerX;
    grabY = pointerY;
    startX = window.x();
    startY = window.y();
    startDecoration = window.decoration();
    drag = switch (part) {
      case TITLE -> Drag.MOVE;
      case RESIZE_HANDLE -> Drag.RESIZE;
      case CONTENT -> Drag.CLIENT;
      case BORDER, OUTSIDE -> Drag.SWALLOWED;
    };
    if (drag == Drag.CLIENT) {
      client.accept(toClient(InputEvent.Type.PRESS, key, 0, 0));
    }
  }

  private void release(InputEvent e) {
    position(e);
    if (e.keycode() != BTN_LEFT) {
      client.accept(toClient(InputEvent.Type.RELEASE, e.keycode(), 0, 0));
      return;
    }
    if (drag == Drag.CLIENT) {
      client.accept(toClient(InputEvent.Type.RELEASE, BTN_LEFT, 0, 0));
    }
    drag = Drag.NONE;
  }

  /** Takes the pointer position a press or release carries (nitpicker's sets it). */
  private void position(InputEvent e) {
    pointerX = e.ax();
    pointerY = e.ay();
  }

  private Decoration.Part partAtPointer() {
    return window.decoration().partAt(pointerX - window.x(), pointerY - window.y());
  }

  private boolean overContent() {
    return partAtPointer() == Decoration.Part.CONTENT;
  }

  /** Returns an event of {@code type} for the client at the pointer, in the client's coordinates. */
  private InputEvent toClient(InputEvent.Type type, int keycode, int rx, int ry) {
    Rect content = window.decoration().content();
    return new InputEvent(type, keycode, pointerX - window.x() - content.x(), pointerY - window.y() - content.y(),
        rx, ry);
  }
}
