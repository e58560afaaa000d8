package io.github.genova.genode.os.scenario;

import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.device.ps2.I8042;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import io.github.genova.platform.device.vga.FramebufferImage;
import io.github.genova.platform.pc.StandardPc;
import java.time.Duration;

/**
 * The user at a scenario's standard PC, as the GUI scenario tests play it: the mouse and the keyboard at the
 * machine's i8042, the screen as the VGA model shows it, and the colour conversions between the RGB565 pixels
 * the components draw and the ARGB the model shows. Every action waits {@link #SETTLE} of virtual time after
 * it, long enough for the PS/2 interrupt, nitpicker's poll and a client's poll to pass.
 */
public final class ScenarioUser {
  /** The virtual time an action waits for its effect. */
  public static final Duration SETTLE = Duration.ofMillis(100);
  /** How long a button or key is held. */
  private static final Duration HOLD = Duration.ofMillis(30);
  /** The largest mouse step sent in one packet. */
  private static final int STEP = 200;

  private ScenarioUser() {}

  /** Returns the machine's keyboard controller. */
  public static I8042 kbc(ScenarioRun run) {
    return StandardPc.of(((NovaKernel) run.kernel()).machine()).keyboardController();
  }

  /** Returns what the screen shows now. */
  public static FramebufferImage screen(ScenarioRun run) {
    return StandardPc.of(((NovaKernel) run.kernel()).machine()).vga().snapshot();
  }

  /** Moves the pointer to screen pixel ({@code x}, {@code y}): first into the top-left corner, then there. */
  public static void pointTo(ScenarioRun run, int x, int y) {
    moveBy(run, -2000, -2000);
    moveBy(run, x, y);
  }

  /** Moves the pointer by ({@code dx}, {@code dy}) in steps of at most {@value #STEP} pixels, 5 ms apart. */
  public static void moveBy(ScenarioRun run, int dx, int dy) {
    int steps = Math.max(1, (Math.max(Math.abs(dx), Math.abs(dy)) + STEP - 1) / STEP);
    int doneX = 0;
    int doneY = 0;
    for (int i = 1; i <= steps; i++) {
      int toX = dx * i / steps;
      int toY = dy * i / steps;
      kbc(run).mouse().move(toX - doneX, toY - doneY);
      doneX = toX;
      doneY = toY;
      run.sleep(Duration.ofMillis(5));
    }
    run.sleep(SETTLE);
  }

  /** Presses or releases the left mouse button. */
  public static void leftButton(ScenarioRun run, boolean down) {
    kbc(run).mouse().button(MouseButton.LEFT, down);
    run.sleep(SETTLE);
  }

  /** Clicks the left mouse button where the pointer is. */
  public static void click(ScenarioRun run) {
    kbc(run).mouse().button(MouseButton.LEFT, true);
    run.sleep(HOLD);
    kbc(run).mouse().button(MouseButton.LEFT, false);
    run.sleep(SETTLE);
  }

  /** Presses and releases {@code key}. */
  public static void type(ScenarioRun run, Key key) {
    kbc(run).keyboard().press(key);
    run.sleep(HOLD);
    kbc(run).keyboard().release(key);
    run.sleep(SETTLE);
  }

  /** Returns the ARGB the VGA model shows for RGB565 pixel {@code p}. */
  public static int argb(int p) {
    int r = (p >> 11) & 0x1f;
    int g = (p >> 5) & 0x3f;
    int b = p & 0x1f;
    return 0xff00_0000 | (r << 3 | r >> 2) << 16 | (g << 2 | g >> 4) << 8 | (b << 3 | b >> 2);
  }

  /** Returns the RGB565 pixel of ARGB {@code argb} as the VGA model expanded it. */
  public static int rgb565(int argb) {
    return (argb >> 8 & 0xf800) | (argb >> 5 & 0x07e0) | (argb >> 3 & 0x1f);
  }
}
