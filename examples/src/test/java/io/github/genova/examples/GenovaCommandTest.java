package io.github.genova.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.examples.display.Display;
import io.github.genova.examples.display.WindowUnavailableException;
import java.awt.AWTError;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code genova run [--headless] [<scenario.xml>]} boots the scenario (the classic demo by default) and prints
 * its console; without a display, or with {@code --headless}, it opens no window and stops by itself.
 */
class GenovaCommandTest {
  /** The repository root as seen from the module's directory, where the tests run. */
  private static final Path ROOT = Path.of("..");
  /** An opener for hosts that must not open a window. */
  private static final Display.Opener NO_WINDOW = (title, input) -> {
    throw new AssertionError("a window was opened: " + title);
  };

  private record Result(int status, List<String> out, String err) {}

  private static Result run(boolean display, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = GenovaCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), ROOT, display, NO_WINDOW);
    return new Result(status, out.toString(StandardCharsets.UTF_8).lines().toList(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void runningTheHelloScenarioFilePrintsItsGreetingAndTheExit() {
    Result r = run(false, "run", "scenarios/hello.xml");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).containsSubsequence(
        "Genode on Genova: /hypervisor iommu serial", "[init -> hello] Hello world",
        "[init] child \"hello\" exited with exit value 0");
  }

  @Test
  void theBaseScenarioRunsGenodesBaseTestsSideBySideUnderInit() {
    Result r = run(false, "run", "scenarios/base.xml");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains(
        "[init] child \"hello\" exited with exit value 0",
        "[init -> test-signal] --- signalling test finished ---",
        "[init] child \"test-signal\" exited with exit value 0",
        "[init -> test-thread] --- thread test finished ---",
        "[init] child \"test-thread\" exited with exit value 0");
  }

  @Test
  void theTimerScenarioRunsGenodesTimerTestAgainstTheTimerDriverUnderInit() {
    Result r = run(false, "run", "scenarios/timer.xml");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).containsSubsequence(
        "[init -> test-timer] --- timer test ---",
        "[init -> test-timer] register two-seconds timeout...",
        "[init -> test-timer] timeout fired",
        "[init -> test-timer] wait 9/10",
        "[init -> test-timer] --- timer test finished ---",
        "[init] child \"test-timer\" exited with exit value 0");
  }

  @Test
  void withoutAnArgumentAndWithoutADisplayItBootsTheClassicDemoHeadless() {
    assertThat(GenovaCommand.DEFAULT_SCENARIO).isEqualTo("examples/scenarios/demo.xml");
    Result r = run(false, "run");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().getFirst()).startsWith("genova: booting examples/scenarios/demo.xml, Genode's classic demo")
        .endsWith("headless (no display): its log for ten seconds of virtual time");
    assertThat(r.out()).containsSubsequence("[init -> ps2_drv] mouse: IntelliMouse with wheel",
        "[init -> vesa_drv] using video mode: 1024x768x16 (VBE mode 0x117) framebuffer at 0xe0000000",
        "[init -> nitpicker] serving a 1024x768 screen");
    assertThat(r.out()).anyMatch(l -> l.startsWith("[init -> launchpad] 4 launchers"));
  }

  @Test
  void headlessKeepsTheDemoOutOfAWindowOnAHostWithADisplay() {
    Result r = run(true, "run", "--headless");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out().getFirst()).endsWith("headless (--headless): its log for ten seconds of virtual time");
    assertThat(r.out()).contains("[init -> nitpicker] serving a 1024x768 screen");
  }

  @Test
  void headlessGoesBeforeOrAfterTheScenarioFile() {
    assertThat(run(true, "run", "scenarios/input.xml", "--headless").out())
        .contains("[init -> test-input] --- Input test ---");
  }

  @Test
  void whenTheWindowCannotBeOpenedAfterAllTheRunGoesOnHeadless() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", "scenarios/input.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), ROOT,
        true, (title, input) -> {
          throw new WindowUnavailableException("Can't connect to X11 window server using ':98'", new AWTError("x"));
        });
    assertThat(status).isZero();
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("genova: no window (Can't connect to X11 window"
        + " server using ':98'); running headless" + System.lineSeparator());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("[init -> test-input] --- Input test ---")
        .doesNotContain("genova: the machine's screen is in the window");
  }

  @Test
  void aScenarioWithoutScreenOrInputDriverRunsOutOfAWindowEvenWithADisplay() {
    Result r = run(true, "run", "scenarios/hello.xml");
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("[init] child \"hello\" exited with exit value 0");
  }

  @Test
  void anUnknownOptionOrASecondScenarioIsRefusedWithTheUsage() {
    Result unknown = run(false, "run", "--fullscreen");
    assertThat(unknown.status()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("genova: unknown option --fullscreen; usage: genova run [--headless");
    Result two = run(false, "run", "scenarios/hello.xml", "scenarios/timer.xml");
    assertThat(two.status()).isEqualTo(2);
    assertThat(two.err()).startsWith("usage: genova run [--headless | --record FILE | --replay FILE]"
        + " [scenario.xml | two-pds]");
  }

  @Test
  void recordNeedsAWindowAndAFileAndAReplayNamesWhatIsWrongWithItsRecording(@TempDir Path dir) throws Exception {
    Result noFile = run(true, "run", "--record");
    assertThat(noFile.status()).isEqualTo(2);
    assertThat(noFile.err()).startsWith("genova: --record needs a file name");
    Result headless = run(false, "run", "--record", dir.resolve("r").toString(), "scenarios/input.xml");
    assertThat(headless.status()).isEqualTo(2);
    assertThat(headless.err()).contains("--record records what the user does in a window: it needs a display");
    Path cut = dir.resolve("cut.rec");
    Files.writeString(cut, "100 key A down\n200 key A up\n");
    Result truncated = run(false, "run", "--replay", cut.toString(), "scenarios/hello.xml");
    assertThat(truncated.status()).isEqualTo(1);
    assertThat(truncated.err()).contains("cut.rec: the recording has no end line");
    Path bad = dir.resolve("bad.rec");
    Files.writeString(bad, "100 key A down\n200 key NOKEY up\n300 end\n");
    Result unknownKey = run(false, "run", "--replay", bad.toString(), "scenarios/hello.xml");
    assertThat(unknownKey.status()).isEqualTo(1);
    assertThat(unknownKey.err()).contains("line 2 \"200 key NOKEY up\"");
    Path backwards = dir.resolve("back.rec");
    Files.writeString(backwards, "300 key A down\n200 key A up\n400 end\n");
    assertThat(run(false, "run", "--replay", backwards.toString(), "scenarios/hello.xml").err())
        .contains("line 2 \"200 key A up\": time goes backwards");
  }

  @Test
  void aBrokenScenarioFileIsNamedWithItsProblem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.xml");
    Files.writeString(file, "<config><start name=\"a\"></config>");
    Result r = run(false, "run", file.toString());
    assertThat(r.status()).isEqualTo(1);
    assertThat(r.err()).startsWith("genova: " + file + ": <");
  }
}
