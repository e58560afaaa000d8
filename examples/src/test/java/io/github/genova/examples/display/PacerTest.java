package io.github.genova.examples.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/** Virtual time paced to a wall clock the test owns. */
class PacerTest {
  private static final long STEP = DisplayLoop.STEP.toNanos();
  private static final long MS = 1_000_000;

  /** A wall clock that moves only when the test or a wait moves it. */
  private static final class Clock {
    long now = 5_000 * MS; // an arbitrary origin
    final List<Long> waits = new ArrayList<>();

    Pacer pacer() {
      return new Pacer(() -> now, nanos -> {
        waits.add(nanos);
        now += nanos;
      });
    }
  }

  private final Clock clock = new Clock();
  private final Pacer pacer = clock.pacer();

  @Test
  void virtualTimeNeverRunsAheadOfWallTimeByMoreThanOneStep() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(42);
    long virtual = 1_234 * MS; // the run's virtual time when the loop starts
    pacer.start(virtual);
    long wallStart = clock.now;
    long virtualStart = virtual;
    for (int i = 0; i < 10_000; i++) {
      // the step's work: by turns slower and faster than real time
      clock.now += i % 2000 < 1000 ? random.nextLong(0, 3 * STEP) : random.nextLong(0, STEP);
      virtual += STEP;
      long aheadBeforePacing = (virtual - virtualStart) - (clock.now - wallStart);
      assertThat(aheadBeforePacing).isLessThanOrEqualTo(STEP);
      pacer.pace(virtual);
      assertThat((virtual - virtualStart) - (clock.now - wallStart)).isLessThanOrEqualTo(0);
    }
    assertThat(clock.waits).isNotEmpty().allMatch(w -> w > 0 && w <= STEP);
  }

  @Test
  void aRunAheadWaitsExactlyUntilTheWallClockHasCaughtUp() {
    pacer.start(0);
    clock.now += 3 * MS;
    pacer.pace(STEP);
    assertThat(clock.waits).containsExactly(STEP - 3 * MS);
  }

  @Test
  void aRunBehindGoesOnWithoutWaiting() {
    pacer.start(0);
    clock.now += 100 * MS;
    for (long v = STEP; v <= 100 * MS; v += STEP) {
      pacer.pace(v);
    }
    assertThat(clock.waits).isEmpty();
  }

  @Test
  void aLagBeyondTheMaximumIsForgivenSoTheRunDoesNotRaceToCatchUp() {
    pacer.start(0);
    clock.now += 5_000 * MS; // booting took five seconds of wall time for one step of virtual time
    pacer.pace(STEP);
    long steps = 0;
    long virtual = STEP;
    while (clock.waits.isEmpty()) {
      virtual += STEP;
      steps++;
      pacer.pace(virtual);
    }
    // it ran without waiting only through the lag it was allowed to keep
    assertThat(steps * STEP).isBetween(Pacer.MAX_LAG.toNanos(), Pacer.MAX_LAG.toNanos() + STEP);
  }
}
