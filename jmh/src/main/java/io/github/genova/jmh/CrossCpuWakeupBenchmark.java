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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A wake-up across simulated CPUs in {@code PARALLEL} mode: the root EC on CPU 0 ups a semaphore an EC on
 * CPU 1 waits on and downs its own until that EC ups it back. Sampled, so JMH reports the median and the
 * tail (p99), which matter more than the mean on a shared 2-core machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CrossCpuWakeupBenchmark {
  private Kernel kernel;
  private Hypercalls root;
  private long mine;
  private long remote;

  /** Boots a two-CPU parallel kernel with an echo EC on CPU 1. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults().withCpus(2).withMode(ExecutionMode.PARALLEL));
    root = kernel.attachRoot();
    KernelFixture fixture = new KernelFixture(root);
    mine = fixture.semaphore();
    remote = fixture.semaphore();
    long m = mine;
    long r = remote;
    fixture.global(1, 10, (self, ip, arg) -> {
      while (true) {
        self.smDown(r, false, 0);
        self.smUp(m);
      }
    });
  }

  /** Stops the kernel. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** Wake the EC on CPU 1 and wait until it wakes us. */
  @Benchmark
  public void wakeRemoteAndWaitForAnswer() {
    root.smUp(remote);
    root.smDown(mine, false, 0);
  }
}
