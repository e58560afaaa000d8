package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.test.capintegrity.CapIntegrityTest;
import io.github.genova.genode.os.test.capintegrity.TargetServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Genode's capability-integrity test as a scenario: the test and its server run as siblings under init. */
@ExtendWith(ScenarioExtension.class)
class CapIntegrityScenarioTest {
  private static final String TEST = "test-cap-integrity";
  private static final String SERVER = "test-cap-integrity-server";

  private static final String CONFIG = """
      <config>
        <parent-provides> <service name="LOG"/> <service name="PD"/> <service name="CPU"/> </parent-provides>
        <default-route> <any-service> <parent/> <any-child/> </any-service> </default-route>
        <start name="test-cap-integrity-server" caps="32"> <resource name="RAM" quantum="64K"/>
          <provides> <service name="Target"/> </provides> </start>
        <start name="test-cap-integrity" caps="32"> <resource name="RAM" quantum="64K"/> </start>
      </config>
      """;

  @Test
  void capabilityIntegrityTestFinishes(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(Scenario.of(CONFIG).with(SERVER, new TargetServer()).with(TEST, new CapIntegrityTest()),
        s -> s.awaitLog("[init] child \"" + TEST + "\" exited with exit value 0", Duration.ofSeconds(5)));
    run.log().forEach(System.out::println);
  }
}
