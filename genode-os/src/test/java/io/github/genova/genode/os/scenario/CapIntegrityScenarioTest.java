package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.test.capintegrity.CapIntegrityTest;
import io.github.genova.genode.os.test.capintegrity.TargetServer;
import java.time.Duration;
import java.util.List;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Genode's capability-integrity test as a scenario: the test and its server run as siblings under init, and
 * every forged, stale and revoked capability must be refused while the valid ones, through the same code
 * path, keep working. Selector numbers are masked ({@code 0x_}) in the expected lines: which selectors the
 * components use is not what the test is about.
 */
@ExtendWith(ScenarioExtension.class)
class CapIntegrityScenarioTest {
  private static final String TEST = "test-cap-integrity";
  private static final String SERVER = "test-cap-integrity-server";
  private static final String T = "[init -> " + TEST + "] ";
  private static final String S = "[init -> " + SERVER + "] ";
  private static final Duration VIRTUAL_TIMEOUT = Duration.ofSeconds(5);

  private static final String SIBLINGS = """
      <config>
        <parent-provides> <service name="LOG"/> <service name="PD"/> <service name="CPU"/> </parent-provides>
        <default-route> <any-service> <parent/> <any-child/> </any-service> </default-route>
        <start name="test-cap-integrity-server" caps="20"> <resource name="RAM" quantum="64K"/>
          <provides> <service name="Target"/> </provides> </start>
        <start name="test-cap-integrity" caps="20"> <resource name="RAM" quantum="64K"/> </start>
      </config>
      """;

  /** The test talks to a server that pretends to revoke, in front of the real one. */
  private static final String PRETENDER = """
      <config>
        <parent-provides> <service name="LOG"/> <service name="PD"/> <service name="CPU"/> </parent-provides>
        <default-route> <any-service> <parent/> </any-service> </default-route>
        <start name="test-cap-integrity-server" caps="20"> <resource name="RAM" quantum="64K"/>
          <provides> <service name="Target"/> </provides> </start>
        <start name="pretender" caps="20"> <resource name="RAM" quantum="64K"/>
          <provides> <service name="Target"/> </provides>
          <route> <service name="Target"> <child name="test-cap-integrity-server"/> </service>
                  <any-service> <parent/> </any-service> </route> </start>
        <start name="test-cap-integrity" caps="20"> <resource name="RAM" quantum="64K"/>
          <route> <service name="Target"> <child name="pretender"/> </service>
                  <any-service> <parent/> </any-service> </route> </start>
      </config>
      """;

  private static List<String> masked(ScenarioRun run) {
    return run.log().stream().map(l -> l.replaceAll("0x[0-9a-f]+", "0x_")).toList();
  }

  @Test
  void forgedStaleAndRevokedCapabilitiesReachNothingAndTheTestExitsWithZero(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(
        Scenario.of(SIBLINGS).with(SERVER, new TargetServer()).with(TEST, new CapIntegrityTest()),
        s -> s.awaitLog("[init] child \"" + TEST + "\" exited with exit value 0", VIRTUAL_TIMEOUT));
    List<String> log = masked(run);
    String refused = " -> call BAD_CAP, client Ipc_error";
    assertThat(log).containsSubsequence(
        T + "--- capability integrity test ---",
        T + "valid: target through my cap(0x_) -> call SUCCESS (target 1 answered), client got target 1",
        T + "forged: guessed selector 0x_, never given to me" + refused,
        T + "forged: selector 0x_ of my allocator's next free block" + refused,
        T + "forged: selector 0x_, the server's own name of target 1" + refused,
        T + "forged: cap(0x_) built from a guessed number, sent to the server -> arrived invalid",
        T + "valid: my cap(0x_) sent back to the server -> resolved to target 1",
        T + "valid: my semaphore cap(0x_) sent to the server -> arrived valid, names no target of the server",
        T + "forged: re-imprinting my cap(0x_) of target 1 with portal id 0x_, the server's name of target 2"
            + " -> pt_ctrl BAD_CAP",
        T + "valid: target through my cap(0x_) after that -> call SUCCESS (target 1 answered), client got target 1",
        T + "forged: re-imprinting my parent capability 0x_ with portal id 0 -> pt_ctrl BAD_CAP",
        S + "dissolved target 2",
        T + "stale: my cap(0x_) of target 2 after the server dissolved it" + refused,
        T + "stale: my cap(0x_) of dissolved target 2 sent to the server -> arrived invalid",
        T + "stale: the server names target 3 0x_, as it named dissolved target 2",
        T + "stale: my cap(0x_) of dissolved target 2 after that" + refused,
        T + "valid: target of session \"stale\" through my cap(0x_) -> call SUCCESS (target 4 answered),"
            + " client got target 4",
        S + "session closed: dissolved its 1 target(s)",
        T + "stale: my cap(0x_) of the closed session, through its client -> Ipc_error",
        T + "stale: my cap(0x_) of the closed session" + refused,
        T + "stale: my cap(0x_) of target 4 of the closed session" + refused,
        T + "valid: my cap(0x_) sent back to the server -> resolved to target 3",
        S + "revoked target 3 from everyone it was handed to; it is still served",
        T + "revoked: my cap(0x_) of target 3 after the server revoked it" + refused,
        T + "revoked: my cap(0x_) of target 3 sent back to the server -> arrived invalid",
        T + "revoked: the server still serves target 3 (2 targets)",
        T + "sibling: still up, target through my cap(0x_) -> call SUCCESS (target 1 answered), client got target 1",
        T + "sibling: 14 target calls ran server code, each through a valid capability",
        T + "--- finished capability integrity test ---",
        "[init] child \"" + TEST + "\" exited with exit value 0");
    assertThat(log).filteredOn(l -> l.startsWith(T + "forged: guessed selector")).hasSize(CapIntegrityTest.GUESSES);
    assertThat(log).noneMatch(l -> l.contains("Error") || l.contains("Warning"));
  }

  @Test
  void aRevocationThatDidNotHappenIsCaughtAndTheTestExitsWithMinusOne(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(Scenario.of(PRETENDER).with(SERVER, new TargetServer())
            .with("pretender", new PretendedRevocation()).with(TEST, new CapIntegrityTest()),
        s -> s.awaitLog("[init] child \"" + TEST + "\" exited with exit value -1", VIRTUAL_TIMEOUT));
    assertThat(masked(run)).containsSubsequence(
        T + "--- capability integrity test ---",
        T + "revoked: my cap(0x_) of target 3 after the server revoked it -> call SUCCESS (target 3 answered),"
            + " client got target 3",
        T + "Error: revoked: my cap(0x_) of target 3 after the server revoked it was not refused: call SUCCESS"
            + " (target 3 answered), client got target 3",
        "[init] child \"" + TEST + "\" exited with exit value -1");
    assertThat(run.log()).doesNotContain(T + "--- finished capability integrity test ---");
  }
}
