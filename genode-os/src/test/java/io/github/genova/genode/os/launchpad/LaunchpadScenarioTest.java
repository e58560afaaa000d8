package io.github.genova.genode.os.launchpad;

import static io.github.genova.genode.os.scenario.ScenarioUser.argb;
import static io.github.genova.genode.os.scenario.ScenarioUser.click;
import static io.github.genova.genode.os.scenario.ScenarioUser.leftButton;
import static io.github.genova.genode.os.scenario.ScenarioUser.moveBy;
import static io.github.genova.genode.os.scenario.ScenarioUser.pointTo;
import static io.github.genova.genode.os.scenario.ScenarioUser.screen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.core.pd.PdRoot;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.os.nitlog.Nitlog;
import io.github.genova.genode.os.gfx.Font;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioFile;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.ScreenText;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.framebuffer.FramebufferTest;
import io.github.genova.genode.os.test.nitpicker.TestNit;
import io.github.genova.platform.device.vga.FramebufferImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The classic demo of {@code examples/scenarios/demo.xml} (timer, ps2_drv, pci_drv, vesa_drv, nitpicker and launchpad
 * under init on a standard PC), booted in deterministic mode: the tests click in launchpad's window at the
 * machine's i8042, follow launchpad's log (its figures: {@code <free> of <total> free}) and read its window
 * and its children's views off the VGA model's pixels. launchpad's window lies at ({@value Launchpad#VIEW_X},
 * {@value Launchpad#VIEW_Y}) of its coordinates, {@value #MENU} rows lower on the screen.
 */
@ExtendWith(ScenarioExtension.class)
class LaunchpadScenarioTest {
  private static final Path SCENARIO = Path.of("../examples/scenarios/demo.xml");
  private static final Duration LIMIT = Duration.ofSeconds(30);
  /** Long enough for a child to start and draw, and nitpicker to show it. */
  private static final Duration SETTLE = Duration.ofMillis(300);
  /** Nitpicker's menubar height. */
  private static final int MENU = 16;
  private static final String LAUNCHPAD = "[init -> launchpad] ";
  /** The demo's launchers: testnit, nitlog, liquid_fb, test-framebuffer. */
  private static final LaunchpadLayout LAYOUT = new LaunchpadLayout(4);
  /** A point of testnit's view Drei, on the screen, clear of launchpad's window. */
  private static final int[] DREI = {200, 200};

  private static Scenario demo() {
    return ScenarioFile.onStandardPc(ScenarioFile.config(SCENARIO));
  }

  /** The demo with launchpad's launchers replaced by {@code launchers} (XML). */
  private static Scenario demoWith(String launchers) {
    String xml = ScenarioFile.config(SCENARIO).replaceAll("(?s)<launcher>.*</launcher>", launchers);
    return ScenarioFile.onStandardPc(xml);
  }

  private static String launcher(String binary, String quota) {
    return "<launcher> <filename>" + binary + "</filename> <ram_quota>" + quota + "</ram_quota> </launcher>";
  }

  /**
   * Waits for launchpad's first line, which must count {@code launchers}, and returns its total RAM for
   * children, in KiB.
   */
  private static long awaitLaunchpad(ScenarioRun run, int launchers) {
    String prefix = LAUNCHPAD + launchers + " launchers; ";
    for (Duration waited = Duration.ZERO; waited.compareTo(LIMIT) < 0; waited = waited.plusMillis(10)) {
      Optional<String> line = run.log().stream().filter(l -> l.startsWith(prefix)).findFirst();
      if (line.isPresent()) {
        String figures = line.get().substring(prefix.length()); // "<free>K of <total>K free"
        long free = kib(figures.substring(0, figures.indexOf(' ')));
        long total = kib(figures.substring(figures.indexOf(" of ") + 4, figures.lastIndexOf(" free")));
        assertThat(free).as("nothing given away yet").isEqualTo(total);
        run.sleep(SETTLE);
        return total;
      }
      run.sleep(Duration.ofMillis(10));
    }
    throw new AssertionError("launchpad did not come up; the log:\n  " + String.join("\n  ", run.log()));
  }

  /** {@link #awaitLaunchpad(ScenarioRun, int)} for the demo's own launchers. */
  private static long awaitLaunchpad(ScenarioRun run) {
    return awaitLaunchpad(run, LAYOUT.launchers());
  }

  private static long kib(String figure) {
    assertThat(figure).endsWith("K");
    return Long.parseLong(figure.substring(0, figure.length() - 1));
  }

  private static String figures(long freeKib, long totalKib) {
    return freeKib + "K of " + totalKib + "K free";
  }

  /** Clicks the middle of {@code r}, a rectangle of launchpad's window. */
  private static void clickOn(ScenarioRun run, Rect r) {
    pointTo(run, screenX(r.x() + r.w() / 2), screenY(r.y() + r.h() / 2));
    click(run);
  }

  private static int screenX(int windowX) {
    return Launchpad.VIEW_X + windowX;
  }

  private static int screenY(int windowY) {
    return Launchpad.VIEW_Y + MENU + windowY;
  }

  /** Returns whether the name column of {@code row} shows {@code text} (and nothing after it). */
  private static boolean nameShows(FramebufferImage image, Rect row, String text) {
    return ScreenText.shows(image, screenX(LaunchpadLayout.MARGIN), screenY(row.y() + LaunchpadLayout.TEXT_DY),
        text + " ", LaunchpadPainter.TEXT);
  }

  /** Returns whether the bar of {@code row} is labelled {@code text} (and nothing after it). */
  private static boolean barShows(FramebufferImage image, Rect row, String text) {
    return ScreenText.shows(image, screenX(LaunchpadLayout.BAR_X + LaunchpadPainter.BAR_TEXT_DX),
        screenY(row.y() + LaunchpadLayout.TEXT_DY), text + " ", LaunchpadPainter.TEXT);
  }

  private static int pixel(FramebufferImage image, int[] p) {
    return image.pixel(p[0], p[1]);
  }

  @Test
  void item83_launchpadStartsAChildWithTheChosenQuotaAndKillReturnsIt(ScenarioExtension.Runner runner) {
    long[] total = new long[1];
    FramebufferImage[] shots = new FramebufferImage[4];
    ScenarioRun run = runner.run(demo(), s -> {
      total[0] = awaitLaunchpad(s);
      long t = total[0];
      shots[0] = screen(s);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"testnit\" started with 512K; " + figures(t - 512, t), LIMIT);
      s.awaitLog("[init -> launchpad -> testnit] screen is 256x256", LIMIT);
      s.sleep(SETTLE);
      shots[1] = screen(s);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"testnit.2\" started with 512K; " + figures(t - 1024, t), LIMIT);
      s.sleep(SETTLE);
      shots[2] = screen(s);
      clickOn(s, LAYOUT.killButton(1));
      s.awaitLog(LAUNCHPAD + "child \"testnit.2\" killed; " + figures(t - 512, t), LIMIT);
      clickOn(s, LAYOUT.killButton(0));
      s.awaitLog(LAUNCHPAD + "child \"testnit\" killed; " + figures(t, t), LIMIT);
      s.sleep(SETTLE);
      shots[3] = screen(s);
    });
    long t = total[0];
    assertThat(t).as("launchpad's RAM for children: its PD session's share of its quantum, less what it uses")
        .isBetween(1L << 10, 12L << 10);
    assertThat(run.log()).noneMatch(l -> l.startsWith(LAUNCHPAD) && (l.contains("Error") || l.contains("Warning")));
    FramebufferImage before = shots[0];
    assertThat(nameShows(before, LAYOUT.launcherRow(0), "testnit")).isTrue();
    assertThat(barShows(before, LAYOUT.launcherRow(0), "512K")).isTrue();
    assertThat(nameShows(before, LAYOUT.launcherRow(1), "nitlog")).isTrue();
    assertThat(barShows(before, LAYOUT.launcherRow(1), "1024K")).isTrue();
    assertThat(barShows(before, LAYOUT.statusRow(), figures(t, t))).isTrue();
    assertThat(pixel(before, DREI)).as("no testnit yet").isNotEqualTo(argb(TestNit.pattern(10, 44)));

    FramebufferImage one = shots[1];
    assertThat(pixel(one, DREI)).as("testnit's view Drei at (190, 140)").isEqualTo(argb(TestNit.pattern(10, 44)));
    assertThat(nameShows(one, LAYOUT.childRow(0), "testnit")).isTrue();
    assertThat(barShows(one, LAYOUT.childRow(0), "512K")).isTrue();
    assertThat(barShows(one, LAYOUT.statusRow(), figures(t - 512, t))).isTrue();
    Rect kill = LAYOUT.killButton(0);
    assertThat(one.pixel(screenX(kill.x() + 1), screenY(kill.y() + 1))).isEqualTo(argb(LaunchpadPainter.KILL));

    FramebufferImage two = shots[2];
    assertThat(nameShows(two, LAYOUT.childRow(1), "testnit.2")).isTrue();
    assertThat(barShows(two, LAYOUT.statusRow(), figures(t - 1024, t))).isTrue();

    FramebufferImage after = shots[3];
    assertThat(pixel(after, DREI)).as("both testnits gone from the screen").isEqualTo(pixel(before, DREI));
    assertThat(barShows(after, LAYOUT.statusRow(), figures(t, t))).isTrue();
    assertThat(after.pixel(screenX(kill.x() + 1), screenY(kill.y() + 1))).as("no child row left")
        .isEqualTo(argb(LaunchpadPainter.BACKGROUND));
  }

  @Test
  void item83_theChildsPdSessionHoldsItsShareOfTheChosenQuota(ScenarioExtension.Runner runner) {
    Component probe = env -> env.log().log("pd ram_quota " + env.pdSession().ramQuota());
    long donated = Session.Resources.from(Child.initialPdArgs(RamQuota.of(3 << 20),
        CapQuota.of(LaunchpadConfig.DEFAULT_CAPS))).ramQuota().value();
    long pdQuota = donated - PdRoot.SESSION_RAM.value();
    runner.run(demoWith(launcher("probe", "3M") + launcher("nitlog", "1M")).with("probe", probe), s -> {
      long t = awaitLaunchpad(s, 2);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"probe\" started with 3072K; " + figures(t - 3072, t), LIMIT);
      s.awaitLog("[init -> launchpad -> probe] pd ram_quota " + pdQuota, LIMIT);
    });
    assertThat(donated).as("half the child's 3M goes to its PD session, which keeps the rest after its cost")
        .isEqualTo(3L << 19);
  }

  @Test
  void draggingAQuotaBarChangesTheNextChildsQuota(ScenarioExtension.Runner runner) {
    long[] quota = new long[2];
    FramebufferImage[] shot = new FramebufferImage[1];
    runner.run(demo(), s -> {
      long t = awaitLaunchpad(s);
      Rect bar = LaunchpadLayout.bar(LAYOUT.launcherRow(0));
      QuotaBar slider = new QuotaBar(bar, t << 10);
      int from = bar.x() + 5;
      int to = bar.x() + 100;
      quota[0] = slider.quotaAt(to);
      pointTo(s, screenX(from), screenY(bar.y() + 4));
      leftButton(s, true);
      moveBy(s, to - from, 0);
      leftButton(s, false);
      moveBy(s, 0, 40); // away from the bar: no more change
      s.sleep(SETTLE);
      shot[0] = screen(s);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"testnit\" started with " + QuotaBar.label(quota[0]) + "; "
          + figures(t - quota[0] / 1024, t), LIMIT);
      quota[1] = slider.quotaAt(from);
    });
    assertThat(quota[0]).as("a quota of its own, not the configured one").isNotEqualTo(512L << 10)
        .isGreaterThan(quota[1]);
    assertThat(barShows(shot[0], LAYOUT.launcherRow(0), QuotaBar.label(quota[0]))).isTrue();
  }

  @Test
  void aCrashingChildIsTornDownAndReported(ScenarioExtension.Runner runner) {
    Component crasher = env -> {
      throw new IllegalStateException("crash on purpose");
    };
    runner.run(demoWith(launcher("crasher", "256K") + launcher("nitlog", "1M")).with("crasher", crasher), s -> {
      long t = awaitLaunchpad(s, 2);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"crasher\" exited with exit value -1", LIMIT);
      s.awaitLog(LAUNCHPAD + "child \"crasher\" removed; " + figures(t, t), LIMIT);
      clickOn(s, LAYOUT.launcherName(0));
      s.awaitLog(LAUNCHPAD + "child \"crasher\" started with 256K; " + figures(t - 256, t), LIMIT);
    });
  }

  @Test
  void aQuotaTooSmallForTheChildsInitialSessionsStartsNothingAndCostsNothing(ScenarioExtension.Runner runner) {
    long[] total = new long[1];
    ScenarioRun run = runner.run(demoWith(launcher("testnit", "4K") + launcher("nitlog", "1M")), s -> {
      total[0] = awaitLaunchpad(s, 2);
      clickOn(s, LAYOUT.launcherName(0));
      s.sleep(SETTLE);
    });
    String prefix = LAUNCHPAD + "Error: cannot start \"testnit\" with 4K: ";
    assertThat(run.log()).filteredOn(l -> l.startsWith(prefix)).singleElement(STRING).endsWith("; " + figures(total[0], total[0]));
    assertThat(run.log()).noneMatch(l -> l.contains("started with"));
  }

  @Test
  void item84_aLaunchpadChildsLogGoesToNitlogRunningAsItsSibling(ScenarioExtension.Runner runner) {
    Component chatty = env -> {
      env.log().log("hello nitlog");
      env.log().log("second line");
    };
    FramebufferImage[] shot = new FramebufferImage[1];
    ScenarioRun run = runner.run(demoWith(launcher("nitlog", "1M") + launcher("chatty", "256K"))
        .with("chatty", chatty), s -> {
          long t = awaitLaunchpad(s, 2);
          clickOn(s, LAYOUT.launcherName(0));
          s.awaitLog(LAUNCHPAD + "child \"nitlog\" started with 1024K; " + figures(t - 1024, t), LIMIT);
          s.sleep(SETTLE);
          clickOn(s, LAYOUT.launcherName(1));
          s.sleep(SETTLE);
          shot[0] = screen(s);
        });
    assertThat(run.log()).anyMatch(l -> l.startsWith(LAUNCHPAD + "child \"chatty\" started with 256K"));
    assertThat(run.log()).as("chatty's lines went to nitlog, not to the console")
        .noneMatch(l -> l.contains("hello nitlog") || l.contains("second line"));
    int left = Nitlog.VIEW_X + Nitlog.BORDER;
    int top = Nitlog.VIEW_Y + MENU + Nitlog.BORDER;
    String label = "[chatty]";
    int colour = Nitlog.labelColour(0);
    FramebufferImage image = shot[0];
    assertThat(ScreenText.shows(image, left, top, label, colour)).as("row 0: the label").isTrue();
    assertThat(ScreenText.shows(image, left + label.length() * Font.ADVANCE, top, " hello nitlog ", Nitlog.TEXT))
        .isTrue();
    assertThat(ScreenText.shows(image, left + label.length() * Font.ADVANCE, top + Font.HEIGHT, " second line ",
        Nitlog.TEXT)).isTrue();
  }

  @Test
  void aLaunchpadChildsFramebufferGoesToLiquidFbRunningAsItsSibling(ScenarioExtension.Runner runner) {
    FramebufferImage[] shot = new FramebufferImage[1];
    ScenarioRun run = runner.run(demo(), s -> {
      long t = awaitLaunchpad(s);
      clickOn(s, LAYOUT.launcherName(2));
      s.awaitLog(LAUNCHPAD + "child \"liquid_fb\" started with 2048K; " + figures(t - 2048, t), LIMIT);
      s.sleep(SETTLE);
      clickOn(s, LAYOUT.launcherName(3));
      s.awaitLog("[init -> launchpad -> test-framebuffer] pattern drawn", LIMIT);
      s.sleep(SETTLE);
      shot[0] = screen(s);
    });
    assertThat(run.log()).contains("[init -> launchpad -> test-framebuffer] mode 500x400 RGB565");
    // liquid_fb's content area where the launcher's config puts it, (20, 320), left of launchpad's window.
    int left = 20;
    int top = 320 + MENU;
    for (int[] p : new int[][] {{10, 10}, {100, 50}, {140, 300}, {5, 380}, {120, 120}}) {
      assertThat(shot[0].pixel(left + p[0], top + p[1])).as("pattern pixel (%d, %d)", p[0], p[1])
          .isEqualTo(argb(FramebufferTest.pattern(p[0], p[1])));
    }
  }
}
