package io.github.genova.jmh;

import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Switching between two global ECs through semaphores, on one CPU in {@code DETERMINISTIC} mode: EC A ups
 * B's semaphore and downs its own, B does the reverse. One operation is a round trip, two EC switches,
 * each a hand-over of the simulated CPU between two virtual threads. The root EC (the benchmark thread)
 * starts a burst of {@value #ROUND_TRIPS} round trips and waits for its end, so its own wake-ups are
 * spread over the burst. Run with one virtual-thread carrier, as deterministic mode needs only one.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SchedulerBenchmark {
  /** Round trips per benchmark operation batch. */
  static final int ROUND_TRIPS = 1000;

  private Kernel kernel;
  private Hypercalls root;
  private long start;
  private long finished;

  /** Boots a one-CPU deterministic kernel with the two partner ECs. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults().withMode(ExecutionMode.DETERMINISTIC));
    root = kernel.attachRoot();
    KernelFixture fixture = new KernelFixture(root);
    start = fixture.semaphore();
    finished = fixture.semaphore();
    long a = fixture.semaphore();
    long b = fixture.semaphore();
    long go = start;
    long done = finished;
    fixture.global(0, 10, (self, ip, arg) -> {
      while (true) {
        self.smDown(go, false, 0);
        for (int i = 0; i < ROUND_TRIPS; i++) {
          self.smUp(b);
          self.smDown(a, false, 0);
        }
        self.smUp(done);
      }
    });
    fixture.global(0, 10, (self, ip, arg) -> {
      while (true) {
        self.smDown(b, false, 0);
        self.smUp(a);
      }
    });
  }

  /** Stops the kernel. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** A burst of round trips A → B → A, reported per round trip. */
  @Benchmark
  @OperationsPerInvocation(ROUND_TRIPS)
  public void switchBetweenTwoEcs() {
    root.smUp(start);
    root.smDown(finished, false, 0);
  }
}
