package io.github.genova.examples;

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
import java.util.List;

/**
 * The {@code genova} command: boots a scenario in-process and prints what it does. Run it through
 * the {@code ./genova} script at the top of the repository.
 */
public final class GenovaCommand {
  /** How much virtual time a scenario may run at most. */
  static final Duration RUN_LIMIT = Duration.ofSeconds(10);
  private static final Duration POLL = Duration.ofMillis(10);
  /** The scenario {@code genova run} boots without an argument, relative to the repository root. */
  static final String DEFAULT_SCENARIO = "examples/scenarios/base.xml";
  /** The argument that runs the narrated kernel example instead of a scenario. */
  static final String TWO_PDS = "two-pds";

  private GenovaCommand() {}

  /**
   * Entry point.
   *
   * @param args {@code run [scenario.xml | two-pds]}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0 || !args[0].equals("run") || args.length > 2) {
      err.println("usage: genova run [scenario.xml | two-pds]");
      return 2;
    }
    if (args.length == 2 && args[1].equals(TWO_PDS)) {
      out.println("genova: the narrated two-PD portal example on the bare kernel");
      TwoPdsExample.run(out);
      return 0;
    }
    Path scenario = Path.of(args.length == 2 ? args[1] : DEFAULT_SCENARIO);
    if (args.length == 1) {
      out.println("genova: booting " + scenario + " (core, init and Genode's base tests; the demo"
          + " scenario is not built yet)");
    }
    return runScenario(scenario, out, err);
  }

  /**
   * Boots the init configuration in {@code file} with every known component on a standard PC (so drivers
   * such as {@code timer} find their devices), prints the console as it comes, and stops when every child
   * that provides no service has exited (servers such as the timer live on) or {@link #RUN_LIMIT} of
   * virtual time has passed.
   */
  static int runScenario(Path file, PrintStream out, PrintStream err) {
    String xml;
    List<String> exits;
    try {
      xml = Files.readString(file, StandardCharsets.UTF_8);
      exits = InitConfig.parse(xml).starts().stream().filter(start -> start.provides().isEmpty())
          .map(StartNode::name).map(name -> "[init] child \"" + name + "\" exited with exit value ").toList();
    } catch (IOException e) {
      err.println("genova: cannot read " + file + ": " + e.getMessage());
      return 1;
    } catch (ConfigException e) {
      err.println("genova: " + file + ": " + e.getMessage());
      return 1;
    }
    Scenario.of(xml).withAll(ComponentRegistry.loaded()).onPlatform(KernelConfig.PLATFORM_STANDARD_PC)
        .echoTo(out::println).run(s -> {
      for (long t = 0; t < RUN_LIMIT.toMillis() && !allExited(s, exits); t += POLL.toMillis()) {
        s.sleep(POLL);
      }
    });
    return 0;
  }

  private static boolean allExited(ScenarioRun run, List<String> exits) {
    List<String> log = run.log();
    return exits.stream().allMatch(prefix -> log.stream().anyMatch(l -> l.startsWith(prefix)));
  }
}
