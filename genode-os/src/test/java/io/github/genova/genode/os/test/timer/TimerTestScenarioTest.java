package io.github.genova.genode.os.test.timer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.timer.PcKernel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Genode's timer test run as a child of the root task (which hosts the timer driver), in virtual time:
 * its log must show Genode's lines, in order, and its exit value must be 0. The same component under init,
 * against the timer driver as init's child, is {@code os.scenario.TimerScenarioTest}.
 */
class TimerTestScenarioTest {
  /** The child's log label: its parent's label, then its name. */
  private static final String PREFIX = "[root -> client] ";

  @Test
  void timerTestPrintsGenodesLinesAndFinishes() {
    PcKernel k = new PcKernel();
    AtomicInteger exitValue = new AtomicInteger(-1);
    long[] virtual = new long[1];
    long wallStart = System.nanoTime();
    k.runClient(client -> {
      long t0 = k.nanos();
      new TimerTest(env -> client.open(), (env, value) -> exitValue.set(value)).construct(client.env());
      virtual[0] = k.nanos() - t0;
    });
    System.out.printf("timer test: %.3f s virtual, %.1f ms wall (boot included)%n", virtual[0] / 1e9,
        (System.nanoTime() - wallStart) / 1e6);
    System.out.println(String.join("\n", k.log));
    assertThat(exitValue.get()).isZero();
    assertThat(k.log).filteredOn(l -> l.startsWith(PREFIX)).map(l -> l.substring(PREFIX.length()).replaceAll("\\d+", "N"))
        .startsWith("--- timer test ---", "register two-seconds timeout...", "timeout fired", "wait N/N")
        .endsWith("--- timer test finished ---")
        .doesNotContain("Error: ");
    assertThat(k.log).noneMatch(l -> l.contains("Error"));
    for (long period : TimerTest.PERIODS_MS) {
      assertThat(k.log).anyMatch(l -> l.startsWith(PREFIX + "timer (period " + period + " ms) triggered "));
    }
  }

  @Test
  void twoRunsGiveTheSameLogLineForLine() {
    List<List<String>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      PcKernel k = new PcKernel();
      k.runClient(client -> new TimerTest(env -> client.open(), (env, value) -> { }).construct(client.env()));
      runs.add(List.copyOf(k.log));
    }
    assertThat(runs.get(0)).contains(PREFIX + "--- timer test finished ---");
    assertThat(runs.get(1)).isEqualTo(runs.get(0));
  }
}
