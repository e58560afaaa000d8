package io.github.genova.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code genova run <scenario.xml>} boots the scenario and prints its console. */
class GenovaCommandTest {
  @Test
  void runningTheHelloScenarioFilePrintsItsGreetingAndTheExit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", "scenarios/hello.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsSubsequence(
        "Genode on Genova: /hypervisor iommu serial", "[init -> hello] Hello world",
        "[init] child \"hello\" exited with exit value 0");
  }

  @Test
  void theMainJobsScenarioRunsGenodesBaseTestsSideBySideUnderInit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", "scenarios/base.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).contains(
        "[init] child \"hello\" exited with exit value 0",
        "[init -> test-signal] --- signalling test finished ---",
        "[init] child \"test-signal\" exited with exit value 0",
        "[init -> test-thread] --- thread test finished ---",
        "[init] child \"test-thread\" exited with exit value 0");
  }

  @Test
  void theTimerScenarioRunsGenodesTimerTestAgainstTheTimerDriverUnderInit() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", "scenarios/timer.xml"},
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(status).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).containsSubsequence(
        "[init -> test-timer] --- timer test ---",
        "[init -> test-timer] register two-seconds timeout...",
        "[init -> test-timer] timeout fired",
        "[init -> test-timer] wait 9/10",
        "[init -> test-timer] --- timer test finished ---",
        "[init] child \"test-timer\" exited with exit value 0");
  }

  @Test
  void aBrokenScenarioFileIsNamedWithItsProblem(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.xml");
    Files.writeString(file, "<config><start name=\"a\"></config>");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = GenovaCommand.run(new String[] {"run", file.toString()}, new PrintStream(new ByteArrayOutputStream(),
        true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(status).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("genova: " + file + ": <");
  }
}
