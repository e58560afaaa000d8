package io.github.genova.genode.base;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * Test scaffolding: boots the real kernel (nova-impl) in deterministic mode and runs a body as the root
 * task turned Genode component, collecting every log line.
 */
public final class GenodeKernel {
  /** Every log line of the run, in order. */
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());

  /** Runs {@code body} as the root component on a kernel with {@code cpus} CPUs; rethrows its failure. */
  public void run(int cpus, Consumer<Env> body) {
    try (Kernel kernel = Kernels.boot(KernelConfig.defaults().withCpus(cpus))) {
      kernel.runRoot((sys, ip, arg) -> body.accept(Env.ofRootTask(sys, new Log("root", log::add))),
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
}
