package io.github.genova.genode.os.test.nitpicker;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;
import io.github.genova.genode.os.timer.TimerConnection;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Genode's nitpicker test {@code testnit}: opens a Nitpicker session with a {@value #SIZE} × {@value #SIZE}
 * buffer, logs {@code screen is WxH}, paints {@link #pattern} into the buffer and shows it through three
 * views, "Eins" (150, 100, 230 × 200), "Zwei" (170, 120, 230 × 210) and "Drei" (190, 140, 230 × 220), each
 * showing the buffer from its top-left corner, the later on top. It then polls its input every {@value
 * #POLL_MS} ms: a press while no other key is held raises the topmost of its views under the pointer
 * ({@code stack(invalid, behind=true)}), and motion while keys are held drags that view along. A refused
 * session is logged as an error and ends testnit with exit value 1.
 */
public final class TestNit implements Component {
  /** The buffer's width and height. */
  public static final int SIZE = 256;
  /** How often testnit looks for input, in milliseconds. */
  public static final long POLL_MS = 20;
  /** The views as testnit places them: title, x, y, width, height. */
  public static final List<Placement> VIEWS = List.of(new Placement("Eins", 150, 100, 230, 200),
      new Placement("Zwei", 170, 120, 230, 210), new Placement("Drei", 190, 140, 230, 220));

  /**
   * Where testnit first places a view, in its client coordinates.
   *
   * @param title the view's title
   * @param x left column
   * @param y top row
   * @param w width
   * @param h height
   */
  public record Placement(String title, int x, int y, int w, int h) {}

  /** One of testnit's views and where it is now. */
  private static final class TestView {
    private final View view;
    private int x;
    private int y;
    private final int w;
    private final int h;

    TestView(View view, Placement p) {
      this.view = view;
      this.x = p.x();
      this.y = p.y();
      this.w = p.w();
      this.h = p.h();
    }

    boolean contains(int px, int py) {
      return px >= x && px < x + w && py >= y && py < y + h;
    }

    void moveTo(int nx, int ny) {
      x = nx;
      y = ny;
      view.viewport(x, y, w, h, 0, 0, true);
    }

    void top() {
      view.stack(Capability.invalid(), true, true);
    }
  }

  /** Creates the test's code (its factory does). */
  public TestNit() {}

  /**
   * The RGB565 pixel testnit paints at buffer position ({@code x}, {@code y}): red rising to the right,
   * green rising downwards, blue in a checkerboard of 16-pixel squares.
   */
  public static int pattern(int x, int y) {
    int r = (x >> 3) & 0x1f;
    int g = (y >> 2) & 0x3f;
    int b = ((x >> 4) + (y >> 4)) % 2 == 0 ? 0x1f : 0x08;
    return r << 11 | g << 5 | b;
  }

  @Override
  public void construct(Env env) {
    TimerConnection timer;
    NitpickerConnection nitpicker;
    try {
      timer = new TimerConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no Timer session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      env.parentInterface().exit(1);
      return;
    }
    try {
      nitpicker = new NitpickerConnection(env, SIZE, SIZE);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no Nitpicker session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      timer.close();
      env.parentInterface().exit(1);
      return;
    }
    Mode mode = nitpicker.mode();
    env.log().log("screen is " + mode.width() + "x" + mode.height());
    for (int y = 0; y < mode.height(); y++) {
      for (int x = 0; x < mode.width(); x++) {
        env.memory().writeShort(nitpicker.pixelAddress(x, y), (short) pattern(x, y));
      }
    }
    nitpicker.refresh(0, 0, mode.width(), mode.height());
    List<TestView> views = new ArrayList<>(); // front first
    for (Placement p : VIEWS) {
      TestView v = new TestView(nitpicker.view(nitpicker.createView()), p);
      v.moveTo(p.x(), p.y());
      v.top();
      v.view.title(p.title());
      views.addFirst(v);
    }
    handleInput(nitpicker, timer, views);
  }

  private static void handleInput(NitpickerConnection nitpicker, TimerConnection timer, List<TestView> views) {
    int keys = 0;
    int lastX = 0;
    int lastY = 0;
    @Nullable TestView selected = null;
    while (true) {
      while (!nitpicker.inputPending()) {
        timer.msleep(POLL_MS);
      }
      for (InputEvent e : nitpicker.flushInput()) {
        if (e.type() == InputEvent.Type.PRESS) {
          keys++;
        } else if (e.type() == InputEvent.Type.RELEASE) {
          keys = Math.max(0, keys - 1);
        }
        if (e.type() == InputEvent.Type.MOTION && keys > 0 && selected != null) {
          selected.moveTo(selected.x + e.ax() - lastX, selected.y + e.ay() - lastY);
        }
        if (e.type() == InputEvent.Type.PRESS && keys == 1) {
          selected = null;
          for (TestView v : views) {
            if (v.contains(e.ax(), e.ay())) {
              selected = v;
              break;
            }
          }
          if (selected != null) {
            views.remove(selected);
            views.addFirst(selected);
            selected.top();
          }
        }
        if (e.type() != InputEvent.Type.LEAVE) {
          lastX = e.ax();
          lastY = e.ay();
        }
      }
    }
  }
}
