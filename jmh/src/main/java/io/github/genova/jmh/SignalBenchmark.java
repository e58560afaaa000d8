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
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Genode signals between two threads, deterministic mode, one CPU: the root task (the benchmark thread)
 * submits a signal to a context whose receiver a second Genode thread waits on; that thread, woken,
 * submits back to a context the root task waits on. One operation is that round trip: two submits, two
 * receipts, two EC switches (compare with {@link SchedulerBenchmark}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 2, jvmArgsAppend = "-Djdk.virtualThreadScheduler.parallelism=1")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SignalBenchmark {
  private Kernel kernel;
  private SignalTransmitter ping;
  private SignalReceiver pongs;

  /** Boots a kernel and starts the echoing thread. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults());
    Env env = Env.ofRootTask(kernel.attachRoot(), new Log("root", line -> { }));
    NativePd pd = env.pd();
    SignalReceiver pings = new SignalReceiver(pd, 0);
    pongs = new SignalReceiver(pd, 0);
    ping = new SignalTransmitter(pings.manage(new SignalContext()));
    SignalTransmitter pong = new SignalTransmitter(pongs.manage(new SignalContext()));
    new Thread(pd, "echo", 0) {
      @Override
      protected void entry() {
        while (true) {
          pings.waitForSignal();
          pong.submit();
        }
      }
    }.start();
    ping.submit();
    pongs.waitForSignal();
  }

  /** Shuts the kernel down. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** Submit to the other thread and receive its answer. */
  @Benchmark
  public int submitToReceiptAndBack() {
    ping.submit();
    return pongs.waitForSignal().num();
  }
}
