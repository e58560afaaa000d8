package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.test.timer.TimerTest;
import io.github.genova.genode.os.timer.server.TimerDriver;
import io.github.genova.nova.api.KernelConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Genode's timer scenario: the timer driver is a child of init on a standard PC, gets the PIT's ports and
 * IRQ 0 from core through init, and serves {@code test-timer}, which must log Genode's lines in order and
 * exit with 0 — in virtual time, so the test's two-second timeout costs no real seconds. Also: a client
 * without a route to a Timer service and a second driver for the same ports are refused clearly, and the
 * others go on.
 */
@ExtendWith(ScenarioExtension.class)
class TimerScenarioTest {
  private static final String PROVIDES = """
      <parent-provides>
        <service name="LOG"/> <service name="PD"/> <service name="CPU"/> <service name="ROM"/>
        <service name="IO_PORT"/> <service name="IRQ"/>
      </parent-provides>
      <default-route> <any-service> <parent/> </any-service> </default-route>
      """;
  private static final String TIMER = """
      <start name="%s" caps="100">
        <binary name="timer"/>
        <resource name="RAM" quantum="1M"/>
        <provides> <service name="Timer"/> </provides>
      </start>
      """;
  private static final String TEST_TIMER = """
      <start name="test-timer" caps="200">
        <resource name="RAM" quantum="1M"/>
        <route>
          <service name="Timer"> <child name="timer"/> </service>
          <any-service> <parent/> </any-service>
        </route>
      </start>
      """;
  private static final String TEST = "[init -> test-timer] ";
  private static final String EXITED_0 = "[init] child \"test-timer\" exited with exit value 0";
  /** The test's own time is about 3 s (2 s timeout, 10 × 100 ms); the margin is virtual too. */
  private static final Duration VIRTUAL_LIMIT = Duration.ofSeconds(30);

  private static String config(String... starts) {
    return "<config>\n" + PROVIDES + String.join("", starts) + "</config>\n";
  }

  private static Scenario timerScenario(String config) {
    return Scenario.of(config).with("timer", new TimerDriver()).with("test-timer", new TimerTest())
        .onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }

  private static ScenarioRun runToExit(ScenarioExtension.Runner runner, Scenario scenario, String exitLine) {
    return runner.run(scenario, s -> s.awaitLog(exitLine, VIRTUAL_LIMIT));
  }

  @Test
  void timerTestRunsAgainstTheTimerDriverUnderInitInVirtualTime(ScenarioExtension.Runner runner) {
    Duration[] virtual = new Duration[1];
    long wallStart = System.nanoTime();
    ScenarioRun run = runner.run(timerScenario(config(TIMER.formatted("timer"), TEST_TIMER)), s -> {
      Duration start = s.virtualTime();
      s.awaitLog(EXITED_0, VIRTUAL_LIMIT);
      virtual[0] = s.virtualTime().minus(start);
    });
    long wallNanos = System.nanoTime() - wallStart;
    System.out.printf("timer scenario: %.3f s virtual, %.3f s wall (boot included)%n",
        virtual[0].toNanos() / 1e9, wallNanos / 1e9);

    List<String> log = run.log();
    assertThat(log).containsSubsequence(TEST + "--- timer test ---", TEST + "register two-seconds timeout...",
        TEST + "timeout fired", TEST + "wait 0/10", TEST + "wait 9/10", TEST + "--- timer test finished ---",
        EXITED_0);
    // Genode's wording, with the numbers left open.
    assertThat(log).filteredOn(l -> l.startsWith(TEST)).map(l -> l.substring(TEST.length()).replaceAll("\\d+", "N"))
        .containsExactly(expectedTestLines());
    assertThat(log).noneMatch(l -> l.contains("Error") || l.contains("Warning"));
    for (long period : TimerTest.PERIODS_MS) {
      assertThat(log).anyMatch(l -> l.startsWith(TEST + "timer (period " + period + " ms) triggered ")
          && l.matches(".* triggered [1-9]\\d* times -> slept \\d+ ms"));
    }
  }

  /** test-timer's lines with every number written N. */
  private static String[] expectedTestLines() {
    List<String> lines = new ArrayList<>(List.of(
        "--- timer test ---", "register two-seconds timeout...", "timeout fired"));
    for (int i = 0; i < 10; i++) {
      lines.add("wait N/N");
    }
    for (int i = 0; i < TimerTest.PERIODS_MS.size(); i++) {
      lines.add("timer (period N ms) triggered N times -> slept N ms");
    }
    lines.add("--- timer test finished ---");
    return lines.toArray(String[]::new);
  }

  /** Asserts that {@code log} has lines starting with {@code prefixes}, in this order. */
  private static void assertStartsInOrder(List<String> log, String... prefixes) {
    int at = 0;
    for (String prefix : prefixes) {
      while (at < log.size() && !log.get(at).startsWith(prefix)) {
        at++;
      }
      assertThat(at).as("a line starting with \"%s\" (in this order) in\n  %s", prefix, String.join("\n  ", log))
          .isLessThan(log.size());
      at++;
    }
  }

  @Test
  void twoRunsGiveTheSameLogLineForLine(ScenarioExtension.Runner runner) {
    String config = config(TIMER.formatted("timer"), TEST_TIMER);
    List<String> first = runToExit(runner, timerScenario(config), EXITED_0).log();
    List<String> second = runToExit(runner, timerScenario(config), EXITED_0).log();
    assertThat(first).contains(TEST + "--- timer test finished ---");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void testTimerWithoutATimerServiceIsDeniedClearly(ScenarioExtension.Runner runner) {
    String config = config("""
        <start name="test-timer" caps="200"> <resource name="RAM" quantum="1M"/> </start>
        """);
    ScenarioRun run = runToExit(runner, timerScenario(config), "[init] child \"test-timer\" exited with exit value 1");
    assertStartsInOrder(run.log(), TEST + "--- timer test ---",
        "[init] Error: child \"test-timer\" requests service \"Timer\": ",
        TEST + "Error: no Timer session: ServiceDenied");
    assertThat(run.log()).doesNotContain(TEST + "register two-seconds timeout...");
  }

  @Test
  void aSecondTimerForTakenPortsIsRefusedByCoreAndInitKeepsTheOthers(ScenarioExtension.Runner runner) {
    String config = config(TIMER.formatted("timer"), TIMER.formatted("timer2"), TEST_TIMER);
    ScenarioRun run = runner.run(timerScenario(config), s -> {
      s.awaitLog("[init] child \"timer2\" exited with exit value 1", VIRTUAL_LIMIT);
      s.awaitLog(EXITED_0, VIRTUAL_LIMIT);
    });
    List<String> log = run.log();
    // Core's own lines carry no label, as in Genode.
    assertStartsInOrder(log, "Warning: IO_PORT session: io_port_base ports 0x40..0x43 overlap a range in use",
        "[init -> timer2] Error: I/O ports 0x40-0x43 of the PIT refused: ServiceDenied",
        "[init] child \"timer2\" exited with exit value 1");
    assertThat(log).contains(TEST + "--- timer test finished ---", EXITED_0);
  }
}
