package io.github.genova.jmh;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.ComponentLauncher;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.sync.Semaphore;
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
 * Genode RPC on the kernel: the root task (the benchmark thread, a Genode component) calls an RPC object
 * served by the entrypoint of a child component in its own PD, in deterministic mode on one CPU. Compare
 * with {@link IpcBenchmark} (the bare portal call underneath).
 *
 * <ul>
 *   <li>{@code intRoundTrip}: one int in, one int out, through a client stub bound to the calling thread
 *       (the fast path: message marshalled straight into the UTCB, nothing allocated);
 *   <li>{@code intRoundTripCurrentThread}: the same through an unbound stub, which finds the calling
 *       thread per call;
 *   <li>{@code passingOneCapability}: one capability in (a translate-and-delegate item; the server's own
 *       object, so it is translated back to the server's selector and resolved to the local object), one
 *       int out.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class RpcBenchmark {
  /** The benchmarked RPC interface. */
  public interface Adder {
    @RpcFunction(0)
    int addOne(int x);

    /** Returns 1 if {@code cap} names an object of the server, else 0. */
    @RpcFunction(1)
    int isMine(Capability<Object> cap);
  }

  /** The child's parent interface: it hands its adder over. */
  public interface Handover {
    @RpcFunction(0)
    void adder(Capability<Object> adder);
  }

  private Kernel kernel;
  private Adder bound;
  private Adder unbound;
  private Capability<Object> serverObject;
  private int x;

  /** Boots a kernel; the benchmark thread becomes the root component and starts the server child. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults());
    Env env = Env.ofRootTask(kernel.attachRoot(), new Log("root", line -> { }));
    Semaphore handedOver = new Semaphore(0);
    Capability<?>[] adder = new Capability<?>[1];
    new ComponentLauncher(env, line -> { }).start("server", 0, Handover.class, cap -> {
      adder[0] = cap;
      handedOver.up();
    }, child -> {
      Capability<Object> cap = child.ep().manage(Adder.class, new Adder() {
        @Override
        public int addOne(int v) {
          return v + 1;
        }

        @Override
        public int isMine(Capability<Object> c) {
          return child.ep().apply(c) == this ? 1 : 0;
        }
      }).cast();
      RpcInterface.of(Handover.class).client(child.parent().cast()).adder(cap);
    });
    handedOver.down();
    serverObject = adder[0].cast();
    RpcInterface<Adder> rpc = RpcInterface.of(Adder.class);
    bound = rpc.client(serverObject.cast(), NativeThread.current());
    unbound = rpc.client(serverObject.cast());
    if (bound.addOne(41) != 42 || bound.isMine(serverObject) != 1) {
      throw new IllegalStateException("the RPC server does not answer as expected");
    }
  }

  /** Shuts the kernel down. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** One int in, one int out, bound stub. */
  @Benchmark
  public int intRoundTrip() {
    x = bound.addOne(x);
    return x;
  }

  /** One int in, one int out, stub finding the calling thread. */
  @Benchmark
  public int intRoundTripCurrentThread() {
    x = unbound.addOne(x);
    return x;
  }

  /** One capability in, one int out. */
  @Benchmark
  public int passingOneCapability() {
    return bound.isMine(serverObject);
  }
}
