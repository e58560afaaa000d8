package io.github.genova.genode.os.liquidfb;

import static io.github.genova.genode.os.scenario.ScenarioUser.argb;
import static io.github.genova.genode.os.scenario.ScenarioUser.click;
import static io.github.genova.genode.os.scenario.ScenarioUser.leftButton;
import static io.github.genova.genode.os.scenario.ScenarioUser.moveBy;
import static io.github.genova.genode.os.scenario.ScenarioUser.pointTo;
import static io.github.genova.genode.os.scenario.ScenarioUser.screen;
import static io.github.genova.genode.os.scenario.ScenarioUser.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.framebuffer.FramebufferConnection;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioFile;
import io.github.genova.genode.os.scenario.ScenarioFile.Route;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.framebuffer.FramebufferTest;
import io.github.genova.genode.os.timer.TimerConnection;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.vga.FramebufferImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The liquid_fb scenario of {@code examples/scenarios/liquid_fb.xml} (timer, ps2_drv, vesa_drv, nitpicker,
 * liquid_fb and test-framebuffer under init on a standard PC), booted in deterministic mode: the tests look
 * at the window on the VGA model's pixels and play the user at the machine's i8042. liquid_fb's content area
 * lies at (400, 270) of its nitpicker coordinates, {@value #MENU} rows lower on the screen; the window's frame
 * and title bar lie around it as {@link Decoration} says.
 */
@ExtendWith(ScenarioExtension.class)
class LiquidFbScenarioTest {
  private static final Path SCENARIO = Path.of("../examples/scenarios/liquid_fb.xml");
  private static final Duration LIMIT = Duration.ofSeconds(30);
  /** Nitpicker's menubar height (nitpicker's ViewStack.MENUBAR_HEIGHT). */
  private static final int MENU = 16;
  private static final Decoration WINDOW = new Decoration(500, 400);
  /** The content's top-left pixel on the screen. */
  private static final int LEFT = 400;
  private static final int TOP = 270 + MENU;
  private static final String PATTERN_DRAWN = "[init -> test-framebuffer] pattern drawn";
  /** A screen pixel no view covers, where nitpicker's background shows. */
  private static final int[] NOWHERE = {5, 740};

  private static String config(String... extraStarts) {
    return ScenarioFile.config(SCENARIO, extraStarts);
  }

  /** Returns the scenario's config without test-framebuffer, with {@code extraStarts}. */
  private static String withoutTestFramebuffer(String... extraStarts) {
    return config(extraStarts).replaceAll("(?s)<start name=\"test-framebuffer\".*?</start>", "");
  }

  /** A start node for a client whose Framebuffer and Input go to liquid_fb. */
  private static String client(String name) {
    return ScenarioFile.start(name, "256K", new Route("Framebuffer", "liquid_fb"), new Route("Input", "liquid_fb"),
        new Route("Timer", "timer"));
  }

  /** Returns whether the screen shows test-framebuffer's pattern pixel ({@code x}, {@code y}) where the content at ({@code left}, {@code top}) puts it. */
  private static boolean showsPattern(FramebufferImage image, int left, int top, int x, int y) {
    return image.pixel(left + x, top + y) == argb(FramebufferTest.pattern(x, y));
  }

  /** Sample points of the pattern: all bands, the diagonal, away from the resize handle. */
  private static final int[][] SAMPLES = {{0, 0}, {10, 3}, {70, 5}, {130, 200}, {250, 250}, {460, 10}, {5, 390}};

  private static void assertPatternAt(FramebufferImage image, int left, int top) {
    for (int[] p : SAMPLES) {
      assertThat(showsPattern(image, left, top, p[0], p[1])).as("pattern (%d, %d) at content (%d, %d)", p[0], p[1],
          left, top).isTrue();
    }
  }

  @Test
  void theClientsPatternAppearsInsideTheDecoratedWindowAtTheConfiguredPosition(ScenarioExtension.Runner runner) {
    FramebufferImage[] shot = new FramebufferImage[1];
    ScenarioRun run = runner.run(ScenarioFile.onStandardPc(config()), s -> {
      s.awaitLog(PATTERN_DRAWN, LIMIT);
      s.sleep(Duration.ofMillis(200));
      shot[0] = screen(s);
    });
    FramebufferImage image = shot[0];
    assertThat(run.log()).contains("[init -> test-framebuffer] mode 500x400 RGB565",
        "[init -> liquid_fb] window \"Liquid Framebuffer\": 500x400 at 400,270");
    assertPatternAt(image, LEFT, TOP);
    Rect content = WINDOW.content();
    int windowLeft = LEFT - content.x();
    int windowTop = TOP - content.y();
    assertThat(image.pixel(windowLeft, TOP + 100)).as("left frame").isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(image.pixel(windowLeft + WINDOW.width() - 1, TOP + 100)).as("right frame")
        .isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(image.pixel(LEFT + 100, windowTop)).as("top frame").isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(image.pixel(LEFT + 100, TOP - 1)).as("line under the title bar").isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(image.pixel(LEFT + 100, windowTop + WINDOW.height() - 1)).as("bottom frame")
        .isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(image.pixel(LEFT + 3, windowTop + 2)).as("title bar").isEqualTo(argb(LiquidWindow.TITLE_BAR));
    int titleText = 0;
    for (int y = windowTop + 1; y < TOP - 1; y++) {
      for (int x = LEFT; x < LEFT + 500; x++) {
        titleText += image.pixel(x, y) == argb(LiquidWindow.TITLE_TEXT) ? 1 : 0;
      }
    }
    assertThat(titleText).as("the title's pixels").isGreaterThan(50);
    assertThat(image.pixel(windowLeft - 1, TOP + 100)).as("left of the window")
        .isEqualTo(image.pixel(NOWHERE[0], NOWHERE[1]));
    int[] corner = {LEFT + 499, TOP + 399};
    assertThat(image.pixel(corner[0], corner[1])).as("the resize handle mixed over the content's corner")
        .isNotEqualTo(argb(FramebufferTest.pattern(499, 399)));
  }

  @Test
  void draggingTheTitleBarMovesTheWindow(ScenarioExtension.Runner runner) {
    FramebufferImage[] shot = new FramebufferImage[1];
    runner.run(ScenarioFile.onStandardPc(config()), s -> {
      s.awaitLog(PATTERN_DRAWN, LIMIT);
      s.sleep(Duration.ofMillis(200));
      pointTo(s, LEFT + 200, TOP - 10); // on the title bar
      leftButton(s, true);
      moveBy(s, -300, -200);
      leftButton(s, false);
      shot[0] = screen(s);
    });
    assertPatternAt(shot[0], LEFT - 300, TOP - 200);
    assertThat(shot[0].pixel(LEFT + 450, TOP + 300)).as("the old place uncovered")
        .isEqualTo(shot[0].pixel(NOWHERE[0], NOWHERE[1]));
  }

  @Test
  void aClickOnTheWindowRaisesItAboveAnotherClientsView(ScenarioExtension.Runner runner) {
    int magenta = 0xf81f;
    Component cover = env -> {
      try (TimerConnection timer = new TimerConnection(env);
          NitpickerConnection nitpicker = new NitpickerConnection(env, 64, 64)) {
        for (int y = 0; y < 64; y++) {
          for (int x = 0; x < 64; x++) {
            env.memory().writeShort(nitpicker.pixelAddress(x, y), (short) magenta);
          }
        }
        nitpicker.refresh(0, 0, 64, 64);
        timer.msleep(300); // liquid_fb's window is up by then
        View view = nitpicker.view(nitpicker.createView());
        view.viewport(420, 290, 64, 64, 0, 0, true); // over the content's (20, 20)
        view.stack(Capability.invalid(), true, true);
        env.log().log("covering");
        timer.msleep(60_000);
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
      }
    };
    String coverStart = ScenarioFile.start("cover", "256K", new Route("Nitpicker", "nitpicker"),
        new Route("Timer", "timer"));
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(ScenarioFile.onStandardPc(config(coverStart)).with("cover", cover), s -> {
      s.awaitLog(PATTERN_DRAWN, LIMIT);
      s.awaitLog("[init -> cover] covering", LIMIT);
      s.sleep(Duration.ofMillis(100));
      shots[0] = screen(s);
      pointTo(s, LEFT + 200, TOP - 10); // on the title bar
      click(s);
      shots[1] = screen(s);
    });
    assertThat(shots[0].pixel(LEFT + 30, TOP + 30)).as("covered").isEqualTo(argb(magenta));
    assertThat(showsPattern(shots[1], LEFT, TOP, 30, 30)).as("raised in front of the cover").isTrue();
  }

  @Test
  void aClickInTheContentAreaAndKeysReachTheInputClientInTheClientsCoordinates(ScenarioExtension.Runner runner) {
    String testInput = client("test-input");
    ScenarioRun run = runner.run(ScenarioFile.onStandardPc(config(testInput)), s -> {
      s.awaitLog(PATTERN_DRAWN, LIMIT);
      s.awaitLog("[init -> test-input] --- Input test ---", LIMIT);
      s.sleep(Duration.ofMillis(100));
      pointTo(s, LEFT + 50, TOP + 30);
      click(s);
      type(s, Key.A);
      pointTo(s, LEFT + 200, TOP - 10); // the title bar: nothing for the client
      click(s);
    });
    List<String> events = run.log().stream().filter(l -> l.startsWith("[init -> test-input] Input event"))
        .map(l -> l.substring(l.indexOf('\t') + 1)).toList();
    assertThat(events).containsSubsequence("MOTION abs 50,30", "PRESS key 272", "RELEASE key 272",
        "PRESS key 30", "RELEASE key 30");
    assertThat(events).as("the pointer left; no event for the title bar").endsWith("RELEASE key 30", "LEAVE");
  }

  /** A Framebuffer client that logs {@code holding} and keeps its session. */
  private static final Component HOLDER = env -> {
    try (TimerConnection timer = new TimerConnection(env); FramebufferConnection fb = new FramebufferConnection(env)) {
      env.log().log("holding " + fb.mode().width() + "x" + fb.mode().height());
      timer.msleep(60_000);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no session: " + e);
    }
  };

  @Test
  void aSecondFramebufferSessionIsRefusedWhileTheFirstIsOpen(ScenarioExtension.Runner runner) {
    Component second = env -> {
      try (TimerConnection timer = new TimerConnection(env)) {
        timer.msleep(300);
        try (FramebufferConnection fb = new FramebufferConnection(env)) {
          env.log().log("granted " + fb.mode());
        }
      } catch (ServiceDenied e) {
        env.log().log("refused: ServiceDenied");
      } catch (OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().log("refused otherwise: " + e);
      }
    };
    Scenario scenario = ScenarioFile.onStandardPc(withoutTestFramebuffer(client("holder"), client("second")))
        .with("holder", HOLDER).with("second", second);
    ScenarioRun run = runner.run(scenario, s -> s.awaitLog("[init -> second] refused: ServiceDenied", LIMIT));
    assertThat(run.log()).contains("[init -> holder] holding 500x400",
        "[init -> liquid_fb] Error: Framebuffer session of \"second\" refused: liquid_fb serves one client,"
            + " \"holder\"");
  }

  @Test
  void item53_aDonationBelowTheSessionsCostIsRefusedAndLoggedWithBothAmounts(ScenarioExtension.Runner runner) {
    Component stingy = env -> {
      try (Connection<FramebufferSession> c = new Connection<>(env, FramebufferSession.class,
          FramebufferSession.SERVICE_NAME, SessionArgs.empty().with("ram_quota", 1024).with("cap_quota", 3))) {
        env.log().log("granted " + c.session().mode());
      } catch (InsufficientRamQuota e) {
        env.log().log("refused: InsufficientRamQuota");
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientCapQuota e) {
        env.log().log("refused otherwise: " + e);
      }
    };
    Scenario scenario = ScenarioFile.onStandardPc(withoutTestFramebuffer(client("stingy"))).with("stingy", stingy);
    ScenarioRun run = runner.run(scenario, s -> s.awaitLog("[init -> stingy] refused: InsufficientRamQuota", LIMIT));
    assertThat(run.log()).contains("[init -> liquid_fb] Error: FramebufferSession refused: insufficient RAM quota:"
        + " donated 1024 bytes, session needs " + FramebufferRoot.SESSION_RAM.value());
  }

  @Test
  void draggingTheResizeHandleShrinksTheWindowAndTheClientsMode(ScenarioExtension.Runner runner) {
    Component watcher = env -> {
      try (TimerConnection timer = new TimerConnection(env);
          Connection<FramebufferSession> c = new Connection<>(env, FramebufferSession.class,
              FramebufferSession.SERVICE_NAME, SessionArgs.empty().with("ram_quota", FramebufferConnection.RAM_QUOTA)
                  .with("cap_quota", FramebufferConnection.CAP_QUOTA))) {
        Mode mode = c.session().mode();
        env.log().log("mode " + mode.width() + "x" + mode.height());
        while (true) {
          timer.msleep(50);
          Mode now = c.session().mode();
          if (!now.equals(mode)) {
            mode = now;
            env.log().log("mode " + mode.width() + "x" + mode.height());
          }
        }
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no session: " + e);
      }
    };
    Scenario scenario = ScenarioFile.onStandardPc(withoutTestFramebuffer(client("watcher"))).with("watcher", watcher);
    FramebufferImage[] shot = new FramebufferImage[1];
    int right = LEFT + 500 + Decoration.BORDER;
    int bottom = TOP + 400 + Decoration.BORDER;
    ScenarioRun run = runner.run(scenario, s -> {
      s.awaitLog("[init -> watcher] mode 500x400", LIMIT);
      pointTo(s, right - 5, bottom - 5); // on the resize handle
      leftButton(s, true);
      moveBy(s, -200, -100);
      leftButton(s, false);
      s.awaitLog("[init -> watcher] mode 300x300", LIMIT);
      s.sleep(Duration.ofMillis(100));
      shot[0] = screen(s);
    });
    assertThat(run.log()).contains("[init -> watcher] mode 300x300");
    assertThat(shot[0].pixel(LEFT + 300, TOP + 100)).as("the new right frame").isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(shot[0].pixel(LEFT + 100, TOP + 300)).as("the new bottom frame").isEqualTo(argb(LiquidWindow.FRAME));
    assertThat(shot[0].pixel(LEFT + 400, TOP + 350)).as("the old corner uncovered")
        .isEqualTo(shot[0].pixel(NOWHERE[0], NOWHERE[1]));
  }

  private static List<String> bootWithConfig(ScenarioExtension.Runner runner, String attributes) {
    String xml = config().replaceAll("<config xpos=[^>]*/>", "<config " + attributes + "/>");
    return runner.run(ScenarioFile.onStandardPc(xml),
        s -> s.awaitLog("[init] child \"liquid_fb\" exited with exit value 1", LIMIT)).log();
  }

  @Test
  void aZeroWidthIsRefusedNamingTheAttribute(ScenarioExtension.Runner runner) {
    assertThat(bootWithConfig(runner, "width=\"0\"")).contains(
        "[init -> liquid_fb] Error: config attribute width=\"0\" is not a number from 32 to 4096");
  }

  @Test
  void aPositionThatIsNoNumberIsRefusedNamingTheAttribute(ScenarioExtension.Runner runner) {
    assertThat(bootWithConfig(runner, "xpos=\"left\" ypos=\"10\"")).contains(
        "[init -> liquid_fb] Error: config attribute xpos=\"left\" is not a number from -65536 to 65536");
  }
}
