package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.os.test.signal.SignalTest;
import io.github.genova.genode.os.test.thread.ThreadTest;
import java.time.Duration;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Genode's base tests as scenarios: each runs as a child of init and must log its success line. */
@ExtendWith(ScenarioExtension.class)
class BaseTestScenariosTest {
  private static ScenarioRun runAlone(ScenarioExtension.Runner runner, String name, Component test) {
    String config = """
        <config>
          <parent-provides> <service name="LOG"/> <service name="PD"/> <service name="CPU"/> </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="%s" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        </config>
        """.formatted(name);
    return runner.run(Scenario.of(config).with(name, test),
        s -> s.awaitLog("[init] child \"" + name + "\" exited with exit value 0", Duration.ofSeconds(5)));
  }

  @Test
  void signalTestScenarioFinishes(ScenarioExtension.Runner runner) {
    ScenarioRun run = runAlone(runner, "test-signal", new SignalTest());
    assertThat(run.log()).containsSubsequence("[init -> test-signal] --- signalling test ---",
        "[init -> test-signal] --- signalling test finished ---",
        "[init] child \"test-signal\" exited with exit value 0");
  }

  @Test
  void threadTestScenarioFinishes(ScenarioExtension.Runner runner) {
    ScenarioRun run = runAlone(runner, "test-thread", new ThreadTest());
    assertThat(run.log()).containsSubsequence("[init -> test-thread] --- thread test started ---",
        "[init -> test-thread] --- thread test finished ---",
        "[init] child \"test-thread\" exited with exit value 0");
  }
}
