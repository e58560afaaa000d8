package io.github.genova.examples;

import io.github.genova.examples.display.Display;
import io.github.genova.examples.display.DisplayEnvironment;
import io.github.genova.examples.display.DisplayLoop;
import io.github.genova.examples.display.Frame;
import io.github.genova.examples.display.InputRecording;
import io.github.genova.examples.display.InputQueue;
import io.github.genova.examples.display.Pacer;
import io.github.genova.examples.display.Replay;
import io.github.genova.examples.display.SwingDisplay;
import io.github.genova.examples.display.WindowUnavailableException;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.os.init.ConfigException;
import io.github.genova.genode.os.init.InitConfig;
import io.github.genova.genode.os.init.StartNode;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.nova.api.KernelConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code genova} command: boots a scenario in-process and prints what it does; a scenario with a screen
 * or input driver is shown in a window, when the host has a display, and played with the host's keyboard and
 * mouse. Run it through the {@code ./genova} script at the top of the repository.
 */
public final class GenovaCommand {
  /** How much virtual time a scenario run without a window may take at most. */
  static final Duration RUN_LIMIT = Duration.ofSeconds(10);
  /**
   * How much wall time a run in a window may take at most (it normally ends when the window is closed); the
   * scenario's host timeout is a minute longer, so the run ends in order before the kernel gives up on it.
   */
  static final Duration WINDOW_LIMIT = Duration.ofHours(24);
  private static final Duration POLL = Duration.ofMillis(10);
  /** The scenario {@code genova run} boots without an argument, relative to the repository root. */
  static final String DEFAULT_SCENARIO = "examples/scenarios/demo.xml";
  /** The argument that runs the narrated kernel example instead of a scenario. */
  static final String TWO_PDS = "two-pds";
  /** The option that keeps the run out of a window even on a host with a display. */
  static final String HEADLESS = "--headless";
  /** The services whose providers drive the machine's screen or input: a scenario with one gets a window. */
  private static final Set<String> SCREEN_SERVICES = Set.of("Framebuffer", "Input");
  /** The option that writes what the user does in the window to a file, with virtual times. */
  static final String RECORD = "--record";
  /** The option that plays such a file back into a headless run of the same scenario. */
  static final String REPLAY = "--replay";
  private static final String USAGE = "usage: genova run [" + HEADLESS + " | " + RECORD + " FILE | " + REPLAY
      + " FILE] [scenario.xml | " + TWO_PDS + "]";

  private GenovaCommand() {}

  /**
   * Entry point.
   *
   * @param args {@code run [--headless | --record FILE | --replay FILE] [scenario.xml | two-pds]}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err, Path.of(""), DisplayEnvironment.available(),
        SwingDisplay::open));
  }

  /**
   * Runs the command {@code args}.
   *
   * @param root the repository root, which the default scenario's path is relative to
   * @param display whether the host can show a window
   * @param displays opens the window when a scenario is shown in one
   * @return the exit status: 0 after a run, 1 for a scenario that cannot be read, 2 for bad arguments
   */
  static int run(String[] args, PrintStream out, PrintStream err, Path root, boolean display,
      Display.Opener displays) {
    if (args.length == 0 || !args[0].equals("run")) {
      err.println(USAGE);
      return 2;
    }
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    boolean headless = rest.remove(HEADLESS);
    Path record;
    Path replay;
    try {
      record = takeFileOption(rest, RECORD);
      replay = takeFileOption(rest, REPLAY);
    } catch (IllegalArgumentException e) {
      err.println("genova: " + e.getMessage() + "; " + USAGE);
      return 2;
    }
    if (record != null && (replay != null || headless || !display)) {
      err.println("genova: " + RECORD + " records what the user does in a window: it needs a display and goes"
          + " with neither " + HEADLESS + " nor " + REPLAY);
      return 2;
    }
    if (rest.size() > 1) {
      err.println(USAGE);
      return 2;
    }
    if (!rest.isEmpty() && rest.getFirst().startsWith("--")) {
      err.println("genova: unknown option " + rest.getFirst() + "; " + USAGE);
      return 2;
    }
    if (!rest.isEmpty() && rest.getFirst().equals(TWO_PDS)) {
      out.println("genova: the narrated two-PD portal example on the bare kernel");
      TwoPdsExample.run(out);
      return 0;
    }
    Path scenarioFile = rest.isEmpty() ? root.resolve(DEFAULT_SCENARIO) : Path.of(rest.getFirst());
    if (replay != null) {
      return replayScenario(scenarioFile, replay, out, err);
    }
    boolean windowed = display && !headless;
    if (rest.isEmpty()) {
      out.println("genova: booting " + DEFAULT_SCENARIO + ", Genode's classic demo (nitpicker and launchpad on"
          + " vesa_drv and ps2_drv), " + (windowed ? "in a window: click a launcher to start a program, close the"
          + " window to stop" : "headless (" + (headless ? HEADLESS : "no display")
          + "): its log for ten seconds of virtual time"));
      return runScenario(scenarioFile, out, err, windowed ? displays : null, record);
    }
    return runScenario(scenarioFile, out, err, windowed ? displays : null, record);
  }

  /** Removes {@code option} and the file name after it from {@code args}; returns that file, or null. */
  private static @Nullable Path takeFileOption(List<String> args, String option) {
    int at = args.indexOf(option);
    if (at < 0) {
      return null;
    }
    if (at + 1 >= args.size() || args.get(at + 1).startsWith("--")) {
      throw new IllegalArgumentException(option + " needs a file name");
    }
    Path file = Path.of(args.get(at + 1));
    args.subList(at, at + 2).clear();
    return file;
  }

  /** Returns the line that names a run's last picture, the same for a recorded run and its replay. */
  static String screenLine(Frame screen) {
    return "genova: screen " + screen.width() + "x" + screen.height() + " crc32 "
        + String.format(Locale.ROOT, "%08x", screen.checksum());
  }

  /**
   * Plays the recording in {@code recordingFile} back into a headless run of the scenario in {@code file}
   * and prints the console and the last picture's {@link #screenLine}.
   */
  static int replayScenario(Path file, Path recordingFile, PrintStream out, PrintStream err) {
    InputRecording.Script script;
    String xml;
    try {
      script = InputRecording.parse(Files.readAllLines(recordingFile, StandardCharsets.UTF_8));
      xml = Files.readString(file, StandardCharsets.UTF_8);
      InitConfig.parse(xml);
    } catch (IOException e) {
      err.println("genova: cannot read " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      err.println("genova: " + file + ": " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      err.println("genova: " + recordingFile + ": " + e.getMessage());
      return 1;
    }
    out.println("genova: replaying " + recordingFile + " (" + script.actions().size() + " input actions) into "
        + file + ", headless");
    Replay replay = new Replay(script);
    Scenario.of(xml).withAll(ComponentRegistry.loaded()).onPlatform(KernelConfig.PLATFORM_STANDARD_PC)
        .echoTo(out::println).withHostTimeout(WINDOW_LIMIT).run(replay);
    if (replay.late() > 0) {
      out.println("genova: " + replay.late() + " actions came later than recorded: this run differs from the"
          + " recorded one (another scenario or build?)");
    }
    out.println(screenLine(replay.screen()));
    return 0;
  }

  /**
   * Boots the init configuration in {@code file} with every known component on a standard PC (so drivers
   * such as {@code timer} find their devices) and prints the console as it comes. When {@code displays} is
   * given and a child provides a screen or input service, the machine is shown in a window that takes the
   * keyboard and mouse, virtual time follows wall time, and the run ends when the window is closed. Otherwise
   * it stops when every child that provides no service has exited (servers such as the timer live on) or
   * {@link #RUN_LIMIT} of virtual time has passed.
   */
  static int runScenario(Path file, PrintStream out, PrintStream err, Display.@Nullable Opener displays) {
    return runScenario(file, out, err, displays, null);
  }

  /**
   * {@link #runScenario(Path, PrintStream, PrintStream, Display.Opener)}, writing what the user does in the
   * window to {@code record} (if not null) as an {@link InputRecording}.
   */
  static int runScenario(Path file, PrintStream out, PrintStream err, Display.@Nullable Opener displays,
      @Nullable Path record) {
    String xml;
    List<StartNode> starts;
    try {
      xml = Files.readString(file, StandardCharsets.UTF_8);
      starts = InitConfig.parse(xml).starts();
    } catch (IOException e) {
      err.println("genova: cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      err.println("genova: " + file + ": " + e.getMessage());
      return 1;
    }
    Scenario scenario = Scenario.of(xml).withAll(ComponentRegistry.loaded())
        .onPlatform(KernelConfig.PLATFORM_STANDARD_PC).echoTo(out::println);
    boolean screenOrInput = starts.stream().anyMatch(s -> s.provides().stream().anyMatch(SCREEN_SERVICES::contains));
    if (displays != null && screenOrInput) {
      String title = "Genova: " + file.getFileName();
      InputQueue input = new InputQueue();
      Display display = null;
      try {
        display = displays.open(title, input);
      } catch (WindowUnavailableException e) {
        err.println("genova: no window (" + e.getMessage() + "); running headless");
      }
      if (display != null) {
        return runInWindow(scenario, display, input, title, record, out, err);
      }
    }
    if (record != null) {
      err.println("genova: nothing recorded: " + file + " was not shown in a window");
      return 1;
    }
    List<String> exits = starts.stream().filter(start -> start.provides().isEmpty()).map(StartNode::name)
        .map(name -> "[init] child \"" + name + "\" exited with exit value ").toList();
    scenario.run(s -> {
      for (long t = 0; t < RUN_LIMIT.toMillis() && !allExited(s, exits); t += POLL.toMillis()) {
        s.sleep(POLL);
      }
    });
    return 0;
  }

  private static int runInWindow(Scenario scenario, Display display, InputQueue input, String title,
      @Nullable Path record, PrintStream out, PrintStream err) {
    out.println("genova: the machine's screen is in the window \"" + title + "\", which takes the keyboard and"
        + " mouse; closing it ends the run");
    if (record != null && !writeLines(record, List.of(), err)) { // find out before the user plays, not after
      display.close();
      return 1;
    }
    List<String> lines = new ArrayList<>();
    DisplayLoop loop = new DisplayLoop(input, display, Pacer.onWallClock(), WINDOW_LIMIT,
        record == null ? null : lines::add);
    try {
      scenario.withHostTimeout(WINDOW_LIMIT.plusMinutes(1)).run(loop);
    } finally {
      display.close();
    }
    if (loop.reachedWallLimit()) {
      out.println("genova: stopped after " + WINDOW_LIMIT.toHours() + " hours, the longest a run in a window may"
          + " take");
    }
    if (record != null) {
      if (!writeLines(record, lines, err)) {
        return 1;
      }
      out.println("genova: recorded " + (lines.size() - 1) + " input actions to " + record + "; replay with "
          + REPLAY + " " + record);
    }
    Frame last = loop.lastScreen();
    if (last != null) {
      out.println(screenLine(last));
    }
    return 0;
  }

  /** Writes {@code lines} to {@code file}; returns false, having said why on {@code err}, if it cannot. */
  private static boolean writeLines(Path file, List<String> lines, PrintStream err) {
    try {
      Files.write(file, lines, StandardCharsets.UTF_8);
      return true;
    } catch (IOException e) {
      err.println("genova: cannot write " + file + ": " + e.getMessage());
      return false;
    }
  }

  private static boolean allExited(ScenarioRun run, List<String> exits) {
    List<String> log = run.log();
    return exits.stream().allMatch(prefix -> log.stream().anyMatch(l -> l.startsWith(prefix)));
  }
}
