package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The run tool as an API: the hello scenario, determinism, and a timeout that shows the log's tail. */
class ScenarioTest {
  static final String HELLO = """
      <config>
        <parent-provides> <service name="LOG"/> <service name="PD"/> <service name="CPU"/> </parent-provides>
        <default-route> <any-service> <parent/> </any-service> </default-route>
        <start name="hello" caps="8"> <resource name="RAM" quantum="64K"/> </start>
      </config>
      """;

  static Scenario hello() {
    return Scenario.of(HELLO).with("hello", env -> {
      env.log().log("Hello world");
      env.parentInterface().exit(0);
    });
  }

  @Test
  void helloWorldThroughInit() {
    ScenarioRun run = hello().run(s -> s.awaitLog("[init] child \"hello\" exited with exit value 0",
        Duration.ofSeconds(1)));
    assertThat(run.log()).containsSubsequence("Genode on Genova: /hypervisor iommu serial",
        "[init -> hello] Hello world", "[init] child \"hello\" exited with exit value 0");
  }

  @Test
  void twoRunsGiveTheSameLogLineForLine() {
    Duration second = Duration.ofSeconds(1);
    String exit = "[init] child \"hello\" exited with exit value 0";
    assertThat(hello().run(s -> s.awaitLog(exit, second)).log())
        .isEqualTo(hello().run(s -> s.awaitLog(exit, second)).log());
  }

  @Test
  void aLongerHostTimeoutStillRunsAndANonPositiveOneIsRefusedNamingIt() {
    ScenarioRun run = hello().withHostTimeout(Duration.ofHours(1))
        .run(s -> s.awaitLog("[init] child \"hello\" exited with exit value 0", Duration.ofSeconds(1)));
    assertThat(run.log()).contains("[init -> hello] Hello world");
    assertThatThrownBy(() -> hello().withHostTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host timeout must be positive");
  }

  @Test
  void aLineThatNeverComesFailsWithTheLogsTail() {
    assertThatThrownBy(() -> hello().run(s -> s.awaitLog("Goodbye world", Duration.ofMillis(20))))
        .hasMessageContaining("\"Goodbye world\" did not appear within PT0.02S of virtual time")
        .hasMessageContaining("[init -> hello] Hello world");
  }
}
