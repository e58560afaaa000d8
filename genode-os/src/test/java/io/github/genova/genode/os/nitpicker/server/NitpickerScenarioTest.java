package io.github.genova.genode.os.nitpicker.server;

import static io.github.genova.genode.os.scenario.ScenarioUser.SETTLE;
import static io.github.genova.genode.os.scenario.ScenarioUser.argb;
import static io.github.genova.genode.os.scenario.ScenarioUser.click;
import static io.github.genova.genode.os.scenario.ScenarioUser.kbc;
import static io.github.genova.genode.os.scenario.ScenarioUser.moveBy;
import static io.github.genova.genode.os.scenario.ScenarioUser.pointTo;
import static io.github.genova.genode.os.scenario.ScenarioUser.rgb565;
import static io.github.genova.genode.os.scenario.ScenarioUser.screen;
import static io.github.genova.genode.os.scenario.ScenarioUser.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.gfx.Rgb565;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioFile;
import io.github.genova.genode.os.scenario.ScenarioFile.Route;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.nitpicker.TestNit;
import io.github.genova.genode.os.timer.TimerConnection;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import io.github.genova.platform.device.vga.FramebufferImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nitpicker scenario of {@code examples/scenarios/nitpicker.xml} (timer, ps2_drv, vesa_drv, nitpicker
 * and testnit under init on a standard PC), booted in deterministic mode: the tests play the user at the
 * machine's i8042 (mouse moves, clicks, keys) and look at the VGA model's pixels and the log. testnit's
 * views start as Eins (150, 100), Zwei (170, 120) and Drei (190, 140) in its coordinates, Drei on top; on the
 * screen they lie 16 rows lower, below the menubar. The mouse pointer starts in the middle of the screen;
 * where the tests move it, they look at pixels beside it.
 */
@ExtendWith(ScenarioExtension.class)
class NitpickerScenarioTest {
  private static final Path SCENARIO = Path.of("../examples/scenarios/nitpicker.xml");
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String TESTNIT_UP = "[init -> testnit] screen is 256x256";
  private static final int MENU = ViewStack.MENUBAR_HEIGHT;
  /** A point only Eins covers, in screen coordinates. */
  private static final int[] EINS_ONLY = {155, 131};
  /** A point where Zwei is the topmost view at first (Eins lies below it). */
  private static final int[] ZWEI_SPOT = {175, 141};
  /** A point only Drei covers. */
  private static final int[] DREI_ONLY = {410, 370};
  /** A point all three views cover. */
  private static final int[] ALL_THREE = {200, 200};

  private static Scenario scenario(String... extraStarts) {
    return ScenarioFile.onStandardPc(ScenarioFile.config(SCENARIO, extraStarts));
  }

  private static String client(String name) {
    return ScenarioFile.start(name, "1M", new Route("Nitpicker", "nitpicker"), new Route("Timer", "timer"));
  }

  private static void awaitTestnit(ScenarioRun run) {
    run.awaitLog(TESTNIT_UP, LIMIT);
    run.sleep(Duration.ofMillis(300));
  }

  /** Returns what a testnit view at client position ({@code vx}, {@code vy}) shows at screen ({@code x}, {@code y}). */
  private static int viewPixel(int vx, int vy, int x, int y) {
    return argb(TestNit.pattern(x - vx, y - vy - MENU));
  }

  private static int einsPixel(int[] p) {
    return viewPixel(150, 100, p[0], p[1]);
  }

  private static int zweiPixel(int[] p) {
    return viewPixel(170, 120, p[0], p[1]);
  }

  private static int dreiPixel(int[] p) {
    return viewPixel(190, 140, p[0], p[1]);
  }

  private static int at(FramebufferImage image, int[] p) {
    return image.pixel(p[0], p[1]);
  }

  /** Counts the pixels of colour {@code rgb565} in the screen rectangle. */
  private static int count(FramebufferImage image, int x, int y, int w, int h, int rgb565) {
    int n = 0;
    for (int j = y; j < y + h; j++) {
      for (int i = x; i < x + w; i++) {
        if (image.pixel(i, j) == argb(rgb565)) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void item76_clientViewsAreShiftedBelowTheMenubarAndPointerPositionsBackUp(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      pointTo(s, 175, 131); // testnit sees (175, 115): Eins alone; unshifted (175, 131) would be Zwei
      click(s);
      shots[1] = screen(s);
    });
    FramebufferImage before = shots[0];
    for (int y = 0; y < MENU; y++) {
      assertThat(before.pixel(600, y)).as("menubar row %d", y).isEqualTo(argb(ViewStack.MENUBAR));
    }
    assertThat(before.pixel(600, MENU)).isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(at(before, EINS_ONLY)).as("Eins, 16 rows down").isEqualTo(einsPixel(EINS_ONLY));
    assertThat(before.pixel(155, 105)).as("where Eins would be unshifted").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(at(before, ALL_THREE)).as("Drei on top at first").isEqualTo(dreiPixel(ALL_THREE));
    assertThat(at(shots[1], ALL_THREE)).as("Eins raised by the click at its (175, 115)")
        .isEqualTo(einsPixel(ALL_THREE));
  }

  /**
   * A Nitpicker client with a 64 × 64 buffer shown by one view at ({@code x}, {@code y}) of its coordinates;
   * logs {@code ready}, then every press and release nitpicker routes to it, and with {@code pointer} also
   * motion and {@code LEAVE}.
   */
  private static Component keyLogger(int x, int y) {
    return logger(x, y, false);
  }

  private static Component logger(int x, int y, boolean pointer) {
    return env -> {
      try {
        TimerConnection timer = new TimerConnection(env);
        NitpickerConnection nitpicker = new NitpickerConnection(env, 64, 64);
        View view = nitpicker.view(nitpicker.createView());
        view.viewport(x, y, 64, 64, 0, 0, true);
        view.stack(Capability.invalid(), true, true);
        env.log().log("ready");
        while (true) {
          timer.msleep(10);
          for (InputEvent e : nitpicker.flushInput()) {
            if (pointer || e.type() == InputEvent.Type.PRESS || e.type() == InputEvent.Type.RELEASE) {
              env.log().log(e.toString());
            }
          }
        }
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
        env.parentInterface().exit(1);
      }
    };
  }

  @Test
  void item77_aButtonPressWithNoOtherKeyHeldFocusesThePointedSession(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[3];
    runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      pointTo(s, EINS_ONLY[0], EINS_ONLY[1]);
      kbc(s).keyboard().press(Key.A);
      s.sleep(SETTLE);
      click(s);
      shots[1] = screen(s);
      kbc(s).keyboard().release(Key.A);
      s.sleep(SETTLE);
      click(s);
      shots[2] = screen(s);
    });
    assertThat(count(shots[0], 0, 0, 300, MENU, ViewStack.TEXT)).as("no focus: empty menubar").isZero();
    assertThat(count(shots[1], 0, 0, 300, MENU, ViewStack.TEXT)).as("click with A held: no focus").isZero();
    assertThat(count(shots[2], 0, 0, 300, MENU, ViewStack.TEXT)).as("click alone: testnit focused and named")
        .isGreaterThan(20);
  }

  @Test
  void item78_keysReachOnlyTheFocusedSessionAndScrollLockAndPrintNoClient(ScenarioExtension.Runner runner) {
    Scenario scenario = scenario(client("left"), client("right")).with("left", keyLogger(20, 500))
        .with("right", keyLogger(120, 500));
    ScenarioRun run = runner.run(scenario, s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> left] ready", LIMIT);
      s.awaitLog("[init -> right] ready", LIMIT);
      s.sleep(SETTLE);
      pointTo(s, 40, 530);
      click(s);
      type(s, Key.A);
      moveBy(s, 100, 0);
      click(s);
      type(s, Key.B);
      type(s, Key.SCROLL_LOCK);
      type(s, Key.SCROLL_LOCK);
      type(s, Key.PRINT_SCREEN);
      type(s, Key.C);
    });
    List<String> log = run.log();
    assertThat(log).filteredOn(l -> l.startsWith("[init -> left] ")).containsExactly("[init -> left] ready",
        "[init -> left] PRESS key 272", "[init -> left] RELEASE key 272", "[init -> left] PRESS key 30",
        "[init -> left] RELEASE key 30");
    assertThat(log).filteredOn(l -> l.startsWith("[init -> right] ")).containsExactly("[init -> right] ready",
        "[init -> right] PRESS key 272", "[init -> right] RELEASE key 272", "[init -> right] PRESS key 48",
        "[init -> right] RELEASE key 48", "[init -> right] PRESS key 46", "[init -> right] RELEASE key 46");
  }

  @Test
  void item79_scrollLockTogglesXrayWithFramesLabelsAndTheUnfocusedDimmed(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[4];
    runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      type(s, Key.SCROLL_LOCK);
      shots[1] = screen(s);
      pointTo(s, EINS_ONLY[0], EINS_ONLY[1]);
      click(s);
      shots[2] = screen(s);
      type(s, Key.SCROLL_LOCK);
      shots[3] = screen(s);
    });
    int[] innerFrame = {149, EINS_ONLY[1]}; // Eins's left edge is column 150: the frame is columns 148, 149
    assertThat(at(shots[0], innerFrame)).as("flat: no frame").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[0].pixel(148, EINS_ONLY[1])).isEqualTo(argb(ViewStack.BACKGROUND));
    int colour = rgb565(at(shots[1], innerFrame));
    assertThat(colour).as("X-ray: a frame in the session colour").isNotEqualTo(ViewStack.BACKGROUND)
        .isNotEqualTo(0);
    assertThat(shots[1].pixel(148, EINS_ONLY[1])).as("the frame's black outer ring").isEqualTo(argb(0));
    assertThat(at(shots[1], EINS_ONLY)).as("unfocused testnit dimmed with its colour")
        .isEqualTo(argb(Rgb565.mix(TestNit.pattern(5, 15), colour)));
    assertThat(count(shots[0], 150, 116, 120, 12, ViewStack.TEXT)).as("flat: no label").isZero();
    assertThat(count(shots[1], 150, 116, 120, 12, ViewStack.TEXT)).as("X-ray: label on Eins").isGreaterThan(20);
    int[] leftOfPointer = {EINS_ONLY[0] - 3, EINS_ONLY[1]};
    assertThat(at(shots[2], leftOfPointer)).as("focused testnit not dimmed").isEqualTo(einsPixel(leftOfPointer));
    assertThat(at(shots[3], innerFrame)).as("flat again: frame gone").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(count(shots[3], 150, 116, 120, 12, ViewStack.TEXT)).as("flat again: label gone").isZero();
  }

  @Test
  void item80_printEntersKillModeAndTheNextLeftClickLocksOutThePointedSession(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[2];
    ScenarioRun run = runner.run(scenario(), s -> {
      awaitTestnit(s);
      type(s, Key.PRINT_SCREEN);
      shots[0] = screen(s);
      pointTo(s, ALL_THREE[0], ALL_THREE[1]);
      click(s);
      s.awaitLog("[init -> nitpicker] session \"testnit\" locked out", LIMIT);
      shots[1] = screen(s);
    });
    assertThat(shots[0].pixel(600, 5)).as("kill mode shown in the menubar").isEqualTo(argb(ViewStack.KILL));
    assertThat(at(shots[0], ALL_THREE)).as("still shown in kill mode").isEqualTo(dreiPixel(ALL_THREE));
    int[] besidePointer = {ALL_THREE[0] - 5, ALL_THREE[1] - 5};
    assertThat(at(shots[1], besidePointer)).as("locked out: gone").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(at(shots[1], EINS_ONLY)).isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[1].pixel(600, 5)).as("kill mode over").isEqualTo(argb(ViewStack.MENUBAR));
    assertThat(run.log()).contains("[init -> nitpicker] session \"testnit\" locked out");
  }

  @Test
  void item81_stackInvalidBehindRaisesAViewToTheTop(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      pointTo(s, ZWEI_SPOT[0], ZWEI_SPOT[1]);
      click(s); // testnit raises Zwei with stack(invalid, behind=true)
      shots[1] = screen(s);
    });
    assertThat(at(shots[0], ALL_THREE)).isEqualTo(dreiPixel(ALL_THREE));
    assertThat(at(shots[1], ALL_THREE)).as("Zwei on top").isEqualTo(zweiPixel(ALL_THREE));
    assertThat(at(shots[1], DREI_ONLY)).as("Drei still shown where nothing covers it")
        .isEqualTo(dreiPixel(DREI_ONLY));
    assertThat(at(shots[1], EINS_ONLY)).isEqualTo(einsPixel(EINS_ONLY));
  }

  @Test
  void item82_aSessionDonatingLessThanItsBufferNeedsIsRefused(ScenarioExtension.Runner runner) {
    Component greedy = env -> {
      try {
        new NitpickerConnection(env, 256, 256, 64 * 1024);
        env.log().log("session granted");
      } catch (InsufficientRamQuota e) {
        env.log().log("refused: InsufficientRamQuota");
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientCapQuota e) {
        env.log().log("refused otherwise: " + e);
      }
    };
    FramebufferImage[] shot = new FramebufferImage[1];
    ScenarioRun run = runner.run(scenario(client("greedy")).with("greedy", greedy), s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> greedy] refused: InsufficientRamQuota", LIMIT);
      shot[0] = screen(s);
    });
    assertThat(run.log()).contains("[init -> nitpicker] Error: session \"greedy\": ram_quota of 65536 bytes"
        + " does not cover its 256x256 buffer (131072 bytes) and " + NitpickerRoot.SESSION_RAM
        + " bytes of session state: needs " + (131072 + NitpickerRoot.SESSION_RAM));
    assertThat(at(shot[0], EINS_ONLY)).as("testnit served on").isEqualTo(einsPixel(EINS_ONLY));
  }

  @Test
  void item85_testnitShowsEinsZweiDreiAClickRaisesAndADragMoves(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[3];
    ScenarioRun run = runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      pointTo(s, EINS_ONLY[0], EINS_ONLY[1]);
      click(s);
      shots[1] = screen(s);
      pointTo(s, DREI_ONLY[0], DREI_ONLY[1]);
      kbc(s).mouse().button(MouseButton.LEFT, true);
      s.sleep(SETTLE);
      moveBy(s, -100, -60);
      kbc(s).mouse().button(MouseButton.LEFT, false);
      s.sleep(SETTLE);
      shots[2] = screen(s);
    });
    assertThat(run.log()).contains(TESTNIT_UP);
    FramebufferImage first = shots[0];
    assertThat(at(first, EINS_ONLY)).as("Eins").isEqualTo(einsPixel(EINS_ONLY));
    assertThat(at(first, ZWEI_SPOT)).as("Zwei").isEqualTo(zweiPixel(ZWEI_SPOT));
    assertThat(at(first, ALL_THREE)).as("Drei on top").isEqualTo(dreiPixel(ALL_THREE));
    assertThat(at(shots[1], ALL_THREE)).as("the click raised Eins").isEqualTo(einsPixel(ALL_THREE));
    FramebufferImage dragged = shots[2];
    int[] movedCorner = {90 + 5, 80 + MENU + 5}; // Drei dragged from (190, 140) to (90, 80)
    assertThat(at(dragged, movedCorner)).as("Drei at its new place, on top")
        .isEqualTo(viewPixel(90, 80, movedCorner[0], movedCorner[1]));
    assertThat(at(dragged, DREI_ONLY)).as("Drei's old corner uncovered").isEqualTo(argb(ViewStack.BACKGROUND));
  }

  @Test
  void aClosedSessionsViewsLeaveTheScreenAndItsBufferShowedThroughTheView(ScenarioExtension.Runner runner) {
    Component transient_ = env -> {
      try (TimerConnection timer = new TimerConnection(env);
          NitpickerConnection nitpicker = new NitpickerConnection(env, 64, 64)) {
        byte[] row = new byte[64 * 2];
        for (int x = 0; x < 64; x++) {
          row[2 * x] = (byte) TestNit.pattern(x, x);
          row[2 * x + 1] = (byte) (TestNit.pattern(x, x) >>> 8);
        }
        for (int y = 0; y < 64; y++) {
          env.memory().write(nitpicker.pixelAddress(0, y), row, 0, row.length);
        }
        nitpicker.refresh(0, 0, 64, 64);
        View view = nitpicker.view(nitpicker.createView());
        view.viewport(600, 400, 48, 40, -8, -4, true); // the buffer's (8, 4) at the view's corner
        env.log().log("shown");
        timer.msleep(300);
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
      }
      env.log().log("closed");
    };
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(scenario(client("transient")).with("transient", transient_), s -> {
      s.awaitLog("[init -> transient] shown", LIMIT);
      s.sleep(Duration.ofMillis(50));
      shots[0] = screen(s);
      s.awaitLog("[init -> transient] closed", LIMIT);
      s.sleep(Duration.ofMillis(50));
      shots[1] = screen(s);
    });
    int top = 400 + MENU;
    assertThat(shots[0].pixel(600, top)).as("buffer (8, 4)").isEqualTo(argb(TestNit.pattern(8, 8)));
    assertThat(shots[0].pixel(647, top + 39)).as("buffer (55, 43)").isEqualTo(argb(TestNit.pattern(55, 55)));
    assertThat(shots[0].pixel(648, top)).as("right of the view").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[0].pixel(600, top + 40)).as("below the view").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[1].pixel(600, top)).as("closed: gone").isEqualTo(argb(ViewStack.BACKGROUND));
  }

  @Test
  void motionGoesToThePointedSessionInItsCoordinatesAndLeaveWhenThePointerMovesOn(ScenarioExtension.Runner runner) {
    Scenario scenario = scenario(client("left"), client("right")).with("left", logger(20, 500, true))
        .with("right", logger(120, 500, true));
    ScenarioRun run = runner.run(scenario, s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> left] ready", LIMIT);
      s.awaitLog("[init -> right] ready", LIMIT);
      pointTo(s, 40, 530);
      moveBy(s, 100, 0);
      moveBy(s, 0, 200);
    });
    List<String> log = run.log();
    assertThat(log).filteredOn(l -> l.startsWith("[init -> left] ")).containsExactly("[init -> left] ready",
        "[init -> left] MOTION abs 40,514", "[init -> left] LEAVE");
    assertThat(log).filteredOn(l -> l.startsWith("[init -> right] ")).containsExactly("[init -> right] ready",
        "[init -> right] MOTION abs 140,514", "[init -> right] LEAVE");
  }

  @Test
  void thePointerIsDrawnOnTopWhereTheMouseIsAndLeavesNoTrace(ScenarioExtension.Runner runner) {
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(scenario(), s -> {
      awaitTestnit(s);
      shots[0] = screen(s);
      pointTo(s, 600, 300);
      shots[1] = screen(s);
    });
    assertThat(shots[0].pixel(512, 384)).as("tip in the middle").isEqualTo(argb(0));
    assertThat(shots[0].pixel(513, 386)).as("white inside").isEqualTo(argb(0xffff));
    assertThat(shots[1].pixel(512, 384)).as("moved away: background again").isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[1].pixel(513, 386)).isEqualTo(argb(ViewStack.BACKGROUND));
    assertThat(shots[1].pixel(600, 300)).as("tip at the new place").isEqualTo(argb(0));
    assertThat(shots[1].pixel(601, 302)).isEqualTo(argb(0xffff));
    assertThat(shots[1].pixel(599, 300)).as("left of the tip").isEqualTo(argb(ViewStack.BACKGROUND));
  }

  @Test
  void aBackgroundViewStaysBehindEveryOtherViewEvenWhenRaised(ScenarioExtension.Runner runner) {
    Component backdrop = env -> {
      try {
        NitpickerConnection nitpicker = new NitpickerConnection(env, 64, 64);
        for (int y = 0; y < 64; y++) {
          for (int x = 0; x < 64; x++) {
            env.memory().writeShort(nitpicker.pixelAddress(x, y), (short) TestNit.pattern(x, y));
          }
        }
        nitpicker.refresh(0, 0, 64, 64);
        Capability<View> cap = nitpicker.createView();
        View view = nitpicker.view(cap);
        view.viewport(0, 0, 1024, 752, 0, 0, true);
        env.log().log("background: " + nitpicker.session().background(cap));
        view.stack(Capability.invalid(), true, true);
        env.log().log("raised");
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
      }
    };
    FramebufferImage[] shot = new FramebufferImage[1];
    runner.run(scenario(client("backdrop")).with("backdrop", backdrop), s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> backdrop] raised", LIMIT);
      s.sleep(SETTLE);
      shot[0] = screen(s);
    });
    assertThat(shot[0].pixel(10, MENU + 10)).as("the background's buffer").isEqualTo(argb(TestNit.pattern(10, 10)));
    assertThat(shot[0].pixel(600, 300)).as("the background view beyond its buffer").isEqualTo(argb(0));
    assertThat(at(shot[0], ALL_THREE)).as("testnit in front").isEqualTo(dreiPixel(ALL_THREE));
    assertThat(at(shot[0], EINS_ONLY)).isEqualTo(einsPixel(EINS_ONLY));
  }

  @Test
  void twoRunsWithTheSameInputGiveTheSameLogAndTheSameScreen(ScenarioExtension.Runner runner) {
    int[][] pictures = new int[2][];
    List<List<String>> logs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      int n = i;
      logs.add(runner.run(scenario(), s -> {
        awaitTestnit(s);
        pointTo(s, DREI_ONLY[0], DREI_ONLY[1]);
        kbc(s).mouse().button(MouseButton.LEFT, true);
        moveBy(s, -70, -30);
        kbc(s).mouse().button(MouseButton.LEFT, false);
        type(s, Key.SCROLL_LOCK);
        pictures[n] = screen(s).argb();
      }).log());
    }
    assertThat(logs.get(0)).contains(TESTNIT_UP);
    assertThat(logs.get(1)).isEqualTo(logs.get(0));
    assertThat(pictures[1]).isEqualTo(pictures[0]);
  }

  @Test
  void consecutiveMotionsOfOnePollAreMergedIntoOne(ScenarioExtension.Runner runner) {
    Scenario scenario = scenario(client("left")).with("left", logger(20, 500, true));
    ScenarioRun run = runner.run(scenario, s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> left] ready", LIMIT);
      pointTo(s, 30, 530);
      for (int i = 0; i < 4; i++) {
        kbc(s).mouse().move(5, 0); // four packets before the driver or nitpicker gets to run
      }
      s.sleep(SETTLE);
    });
    assertThat(run.log()).filteredOn(l -> l.startsWith("[init -> left] ")).containsExactly("[init -> left] ready",
        "[init -> left] MOTION abs 30,514", "[init -> left] MOTION abs 50,514");
  }

  /** A client showing a 64 × 64 view of one colour at client position ({@code x}, {@code y}), on top. */
  private static Component solid(int x, int y, int rgb565, boolean stayTop) {
    return env -> {
      try {
        NitpickerConnection nitpicker = new NitpickerConnection(env, 64, 64,
            2L * 64 * 64 + NitpickerConnection.SESSION_OVERHEAD, stayTop);
        for (int py = 0; py < 64; py++) {
          for (int px = 0; px < 64; px++) {
            env.memory().writeShort(nitpicker.pixelAddress(px, py), (short) rgb565);
          }
        }
        nitpicker.refresh(0, 0, 64, 64);
        View view = nitpicker.view(nitpicker.createView());
        view.viewport(x, y, 64, 64, 0, 0, true);
        view.stack(Capability.invalid(), true, true);
        env.log().log("shown");
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
      }
    };
  }

  @Test
  void theViewsOfAStayTopSessionStayAboveARaisedViewOfAnotherSession(ScenarioExtension.Runner runner) {
    int red = 0xf800;
    int green = 0x07e0;
    int[] onTop = {210, 130}; // the stay_top view over Eins
    int[] plain = {310, 130}; // the plain view over Eins
    Scenario scenario = scenario(client("top"), client("plain"))
        .with("top", solid(200, 110, red, true)).with("plain", solid(300, 110, green, false));
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(scenario, s -> {
      awaitTestnit(s);
      s.awaitLog("[init -> top] shown", LIMIT);
      s.awaitLog("[init -> plain] shown", LIMIT);
      s.sleep(SETTLE);
      shots[0] = screen(s);
      pointTo(s, EINS_ONLY[0], EINS_ONLY[1]);
      click(s); // testnit raises Eins
      s.sleep(SETTLE);
      shots[1] = screen(s);
    });
    assertThat(at(shots[0], onTop)).isEqualTo(argb(red));
    assertThat(at(shots[0], plain)).isEqualTo(argb(green));
    assertThat(at(shots[1], plain)).as("Eins raised over the plain view").isEqualTo(einsPixel(plain));
    assertThat(at(shots[1], onTop)).as("the stay_top view above raised Eins").isEqualTo(argb(red));
  }
}
