package io.github.genova.genode.os.nitlog;

import static io.github.genova.genode.os.scenario.PcUser.argb;
import static io.github.genova.genode.os.scenario.PcUser.screen;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.nitpicker.server.Font;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioFile;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.nitlog.TestNitlog;
import io.github.genova.genode.os.timer.TimerConnection;
import io.github.genova.platform.device.vga.FramebufferImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The nitlog scenario of {@code examples/scenarios/nitlog.xml} (timer, ps2_drv, vesa_drv, nitpicker, nitlog
 * and test-nitlog under init on a standard PC), booted in deterministic mode: siblings whose LOG route leads
 * to nitlog write lines, and the tests read nitlog's window from the VGA model's pixels. nitlog's view lies
 * at ({@value Nitlog#VIEW_X}, {@value Nitlog#VIEW_Y}) of its coordinates, {@value #MENU} rows lower on the
 * screen; its cell (c, r) starts {@value Nitlog#BORDER} pixels further in.
 */
@ExtendWith(ScenarioExtension.class)
class NitlogScenarioTest {
  private static final Path SCENARIO = Path.of("../examples/scenarios/nitlog.xml");
  private static final Duration LIMIT = Duration.ofSeconds(30);
  /** Virtual time for the clients' writes and nitpicker's redraw to pass. */
  private static final Duration SETTLE = Duration.ofMillis(500);
  /** Nitpicker's menubar height (nitpicker's ViewStack.MENUBAR_HEIGHT). */
  private static final int MENU = 16;
  private static final int LEFT = Nitlog.VIEW_X + Nitlog.BORDER;
  private static final int TOP = Nitlog.VIEW_Y + MENU + Nitlog.BORDER;

  private static String config(String... extraStarts) {
    return ScenarioFile.config(SCENARIO, extraStarts);
  }

  private static Scenario scenario(String... extraStarts) {
    return ScenarioFile.onStandardPc(config(extraStarts));
  }

  /** A start node for a client whose LOG goes to nitlog. */
  private static String client(String name) {
    return """
        <start name="%s" caps="50">
          <resource name="RAM" quantum="256K"/>
          <route>
            <service name="LOG"> <child name="nitlog"/> </service>
            <any-service> <parent/> </any-service>
          </route>
        </start>
        """.formatted(name);
  }

  /** A client that logs {@code lines} lines {@code line 1}, {@code line 2}, ... */
  private static Component counter(int lines) {
    return env -> {
      for (int i = 1; i <= lines; i++) {
        env.log().log("line " + i);
      }
    };
  }

  private static FramebufferImage afterBoot(Scenario scenario, ScenarioExtension.Runner runner) {
    FramebufferImage[] shot = new FramebufferImage[1];
    runner.run(scenario, s -> {
      s.awaitLog("[init -> nitpicker] serving a 1024x768 screen", LIMIT);
      s.sleep(SETTLE);
      shot[0] = screen(s);
    });
    return shot[0];
  }

  /** Returns the colours of cell ({@code column}, {@code row}) on the screen, background included. */
  private static Set<Integer> cellColours(FramebufferImage image, int row, int column) {
    Set<Integer> colours = new LinkedHashSet<>();
    for (int y = 0; y < Font.HEIGHT; y++) {
      for (int x = 0; x < Font.ADVANCE; x++) {
        colours.add(image.pixel(LEFT + column * Font.ADVANCE + x, TOP + row * Font.HEIGHT + y));
      }
    }
    return colours;
  }

  /**
   * Returns whether screen row {@code row} of nitlog's window shows exactly {@code text} (blank beyond it),
   * its first {@code labelEnd} cells in {@code labelColour} and the rest in {@link Nitlog#TEXT}.
   */
  private static boolean rowShows(FramebufferImage image, int row, String text, int labelEnd, int labelColour) {
    for (int column = 0; column < LogWindow.COLUMNS; column++) {
      char c = column < text.length() ? text.charAt(column) : ' ';
      int colour = column < labelEnd ? labelColour : Nitlog.TEXT;
      for (int y = 0; y < Font.HEIGHT; y++) {
        for (int x = 0; x < Font.ADVANCE; x++) {
          int expected = argb(Font.pixel(c, x, y) ? colour : Nitlog.BACKGROUND);
          if (image.pixel(LEFT + column * Font.ADVANCE + x, TOP + row * Font.HEIGHT + y) != expected) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean rowIsEmpty(FramebufferImage image, int row) {
    return rowShows(image, row, "", 0, 0);
  }

  @Test
  void item84_aSiblingsLogRoutedToNitlogIsRenderedInItsView(ScenarioExtension.Runner runner) {
    FramebufferImage[] shot = new FramebufferImage[1];
    ScenarioRun run = runner.run(scenario(), s -> {
      s.awaitLog("[init -> nitpicker] serving a 1024x768 screen", LIMIT);
      s.sleep(SETTLE);
      shot[0] = screen(s);
    });
    FramebufferImage image = shot[0];
    String label = "[test-nitlog]";
    int colour = Nitlog.labelColour(0);
    assertThat(run.log()).as("the lines went to nitlog, not to the console")
        .noneMatch(l -> l.contains(TestNitlog.LINES.getFirst()));
    assertThat(cellColours(image, 0, 1)).as("the label's first letter in the session colour")
        .containsExactlyInAnyOrder(argb(colour), argb(Nitlog.BACKGROUND));
    assertThat(rowShows(image, 0, label + " " + TestNitlog.LINES.get(0), label.length(), colour)).isTrue();
    assertThat(rowShows(image, 1, label + " " + TestNitlog.LINES.get(1), label.length(), colour)).isTrue();
    String wrapped = label + " " + TestNitlog.LINES.get(2);
    assertThat(wrapped.length()).isGreaterThan(LogWindow.COLUMNS);
    assertThat(rowShows(image, 2, wrapped.substring(0, LogWindow.COLUMNS), label.length(), colour)).isTrue();
    assertThat(rowShows(image, 3, wrapped.substring(LogWindow.COLUMNS), 0, colour)).as("wrapped").isTrue();
    assertThat(rowIsEmpty(image, 4)).isTrue();
    assertThat(image.pixel(LEFT - 1, TOP)).as("the border").isEqualTo(argb(Nitlog.BACKGROUND));
    assertThat(image.pixel(Nitlog.VIEW_X - 1, TOP)).as("left of the view").isNotEqualTo(argb(Nitlog.BACKGROUND));
  }

  @Test
  void moreThan25LinesScrollTheWindowTheFirstRowNowShowingTheSecondLine(ScenarioExtension.Runner runner) {
    Component chatty = env -> {
      try (TimerConnection timer = new TimerConnection(env)) {
        for (int i = 1; i <= LogWindow.ROWS; i++) {
          env.log().log("line " + i);
        }
        timer.msleep(1000);
        env.log().log("line " + (LogWindow.ROWS + 1));
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.parentInterface().exit(1);
      }
    };
    String alone = config(timed("chatty")).replaceAll("(?s)<start name=\"test-nitlog\".*?</start>", "");
    FramebufferImage[] shots = new FramebufferImage[2];
    runner.run(ScenarioFile.onStandardPc(alone).with("chatty", chatty), s -> {
          s.awaitLog("[init -> nitpicker] serving a 1024x768 screen", LIMIT);
          s.sleep(SETTLE);
          shots[0] = screen(s);
          s.sleep(Duration.ofMillis(1500));
          shots[1] = screen(s);
        });
    String label = "[chatty]";
    int colour = Nitlog.labelColour(0);
    int last = LogWindow.ROWS - 1;
    assertThat(rowShows(shots[0], 0, label + " line 1", label.length(), colour)).as("full: row 0 line 1").isTrue();
    assertThat(rowShows(shots[0], last, label + " line 25", label.length(), colour)).isTrue();
    assertThat(rowShows(shots[1], 0, label + " line 2", label.length(), colour)).as("scrolled: row 0 line 2")
        .isTrue();
    assertThat(rowShows(shots[1], last - 1, label + " line 25", label.length(), colour)).isTrue();
    assertThat(rowShows(shots[1], last, label + " line 26", label.length(), colour)).isTrue();
  }

  /** A start node for a client whose LOG goes to nitlog and that may use the timer. */
  private static String timed(String name) {
    return client(name).replace("<any-service>", "<service name=\"Timer\"> <child name=\"timer\"/> </service>\n"
        + "    <any-service>");
  }

  @Test
  void twoClientsGetDifferentLabelColours(ScenarioExtension.Runner runner) {
    FramebufferImage image = afterBoot(scenario(client("alpha"), client("beta")).with("alpha", counter(1))
        .with("beta", counter(1)), runner);
    Set<Integer> alpha = cellColours(image, 4, 1);
    Set<Integer> beta = cellColours(image, 5, 1);
    alpha.remove(argb(Nitlog.BACKGROUND));
    beta.remove(argb(Nitlog.BACKGROUND));
    assertThat(alpha).hasSize(1);
    assertThat(beta).hasSize(1);
    assertThat(alpha).isNotEqualTo(beta);
    assertThat(alpha).doesNotContain(argb(Nitlog.TEXT));
    assertThat(rowShows(image, 4, "[alpha] line 1", "[alpha]".length(), Nitlog.labelColour(1))).isTrue();
    assertThat(rowShows(image, 5, "[beta] line 1", "[beta]".length(), Nitlog.labelColour(2))).isTrue();
  }

  @Test
  void emptyWritesAndControlCharactersNeitherCrashNitlogNorStopItsService(ScenarioExtension.Runner runner) {
    Component rude = env -> {
      env.log().log("");
      env.log().log("bell\u0007tab\tend");
      env.log().log("after");
    };
    FramebufferImage image = afterBoot(scenario(client("rude"), client("alpha")).with("rude", rude)
        .with("alpha", counter(1)), runner);
    int rudeColour = Nitlog.labelColour(1);
    assertThat(rowShows(image, 4, "[rude]", "[rude]".length(), rudeColour)).as("an empty line: the label alone")
        .isTrue();
    assertThat(rowShows(image, 5, "[rude] bell?tab end", "[rude]".length(), rudeColour)).isTrue();
    assertThat(rowShows(image, 6, "[rude] after", "[rude]".length(), rudeColour)).isTrue();
    assertThat(rowShows(image, 7, "[alpha] line 1", "[alpha]".length(), Nitlog.labelColour(2)))
        .as("served on after the rude client").isTrue();
  }
}
