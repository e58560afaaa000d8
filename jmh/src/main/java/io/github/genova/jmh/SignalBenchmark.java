package io.github.genova.jmh;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.signal.SignalTransmitter;
import io.github.genova.genode.base.thread.Thread;
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
 * Genode signals between threads, deterministic mode, one CPU. One operation is a round trip: a submit
 * to a context another thread waits on, its receipt there, a submit back and its receipt; so two submits,
 * two receipts and two EC switches (compare with {@link SchedulerBenchmark}).
 *
 * <ul>
 *   <li>{@code roundTripBetweenThreads}: between two Genode threads (virtual threads), 1000 round trips per
 *       invocation, started and awaited by the benchmark thread;
 *   <li>{@code roundTripWithRootTask}: between the root task (the benchmark thread, a platform thread) and a
 *       Genode thread, so every switch also hands the CPU between a platform and a virtual thread.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignalBenchmark {
  private static final int ROUNDS = 1000;

  private Kernel kernel;
  private SignalTransmitter ping;
  private SignalReceiver pongs;
  private SignalTransmitter start;
  private SignalReceiver finished;

  /** A receiver with one context, and a transmitter to it. */
  private record Channel(SignalReceiver receiver, SignalTransmitter transmitter) {
    static Channel in(NativePd pd) {
      SignalReceiver r = new SignalReceiver(pd, 0);
      return new Channel(r, new SignalTransmitter(r.manage(new SignalContext())));
    }
  }

  /** Boots a kernel and starts the threads. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults());
    Env env = Env.ofRootTask(kernel.attachRoot(), new Log("root", line -> { }));
    NativePd pd = env.pd();
    // Root task <-> echo thread.
    Channel toEcho = Channel.in(pd);
    Channel toRoot = Channel.in(pd);
    echo(pd, "echo", toEcho, toRoot);
    ping = toEcho.transmitter();
    pongs = toRoot.receiver();
    // Driver thread <-> echo thread, started and awaited by the root task.
    Channel toEcho2 = Channel.in(pd);
    Channel toDriver = Channel.in(pd);
    Channel go = Channel.in(pd);
    Channel done = Channel.in(pd);
    echo(pd, "echo2", toEcho2, toDriver);
    new Thread(pd, "driver", 0) {
      @Override
      protected void entry() {
        while (true) {
          go.receiver().waitForSignal();
          for (int i = 0; i < ROUNDS; i++) {
            toEcho2.transmitter().submit();
            toDriver.receiver().waitForSignal();
          }
          done.transmitter().submit();
        }
      }
    }.start();
    start = go.transmitter();
    finished = done.receiver();
    roundTripWithRootTask();
    roundTripBetweenThreads();
  }

  private static void echo(NativePd pd, String name, Channel in, Channel out) {
    new Thread(pd, name, 0) {
      @Override
      protected void entry() {
        while (true) {
          in.receiver().waitForSignal();
          out.transmitter().submit();
        }
      }
    }.start();
  }

  /** Shuts the kernel down. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** Round trips between two Genode threads. */
  @Benchmark
  @OperationsPerInvocation(ROUNDS)
  public int roundTripBetweenThreads() {
    start.submit();
    return finished.waitForSignal().num();
  }

  /** A round trip between the root task and a Genode thread. */
  @Benchmark
  public int roundTripWithRootTask() {
    ping.submit();
    return pongs.waitForSignal().num();
  }
}
