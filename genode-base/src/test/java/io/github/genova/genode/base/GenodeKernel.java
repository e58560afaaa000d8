package io.github.genova.genode.base;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.nova.api.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Test scaffolding: boots the real kernel (nova-impl) in deterministic mode and runs a body as the root
 * task turned Genode component, collecting every log line; helpers for threads and virtual-time sleeps.
 */
public final class GenodeKernel {
  /** Every log line of the run, in order. */
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private @Nullable Kernel kernel;

  /** Runs {@code body} as the root component on a kernel with {@code cpus} CPUs; rethrows its failure. */
  public void run(int cpus, Consumer<Env> body) {
    try (Kernel k = Kernels.boot(KernelConfig.defaults().withCpus(cpus))) {
      kernel = k;
      k.runRoot((sys, ip, arg) -> body.accept(Env.ofRootTask(sys, new Log("root", log::add))),
          Duration.ofSeconds(60));
    }
  }

  /** Runs {@code body} on one CPU. */
  public void run(Consumer<Env> body) {
    run(1, body);
  }

  /** Returns a sink that appends to {@link #log}. */
  public Consumer<String> sink() {
    return log::add;
  }

  /** Lets virtual time pass for the calling Genode thread (everyone else runs meanwhile). */
  public void sleep(long micros) {
    sleep(Objects.requireNonNull(kernel), micros);
  }

  /** Lets virtual time of {@code kernel} pass for the calling Genode thread. */
  public static void sleep(Kernel kernel, long micros) {
    NativeThread me = NativeThread.current();
    long sm = me.pd().createSemaphore(0);
    Status s = me.gate().smDown(sm, false, kernel.nanos() + micros * 1000);
    me.pd().revoke(sm);
    me.pd().selectors().free(sm);
    if (s != Status.TIMEOUT) {
      throw new IllegalStateException("sleep ended with " + s);
    }
  }

  /** Waits (in virtual time) until {@code condition} holds, giving up after a virtual second. */
  public void await(java.util.function.BooleanSupplier condition) {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      sleep(1000);
    }
    if (!condition.getAsBoolean()) {
      throw new AssertionError("condition not reached within a virtual second");
    }
  }

  /** Creates (does not start) a Genode thread of {@code pd} on {@code cpu} running {@code body}. */
  public static Thread thread(NativePd pd, String name, int cpu, Runnable body) {
    return new Thread(pd, name, cpu) {
      @Override
      protected void entry() {
        body.run();
      }
    };
  }

  /** Starts a Genode thread of {@code pd} on CPU 0 running {@code body}. */
  public static Thread start(NativePd pd, String name, Runnable body) {
    Thread t = thread(pd, name, 0, body);
    t.start();
    return t;
  }
}
