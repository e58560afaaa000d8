package io.github.genova.genode.base.core;

import io.github.genova.genode.base.GenodeKernel;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Env;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Test scaffolding, like Genode's run tool: boots the kernel, boots core from a GRUB menu entry in the root
 * task, collects the console (the LOG capture) and waits, in virtual time, for lines or conditions.
 */
final class CoreScenario {
  /** The standard menu entry: core, config, init. */
  static final String MENU = """
      title Genode test scenario
       kernel /hypervisor iommu serial
       module /genode/core
       module /genode/config
       module /genode/init
      """;

  /** Every console line, in order. */
  final List<String> console = Collections.synchronizedList(new ArrayList<>());
  private final Function<KernelConfig, Kernel> boot;
  private @Nullable Kernel kernel;

  /** A scenario on a bare machine of the configured size. */
  CoreScenario() {
    this(Kernels::boot);
  }

  /** A scenario whose kernel {@code boot} makes from the configuration (on a machine of its choice). */
  CoreScenario(Function<KernelConfig, Kernel> boot) {
    this.boot = boot;
  }

  /** Boots core with {@code menu}, {@code files} and {@code components}, then runs {@code body} in the root task. */
  void run(String menu, Map<String, byte[]> files, ComponentRegistry components, Consumer<Core> body) {
    run(k -> { }, menu, files, components, body);
  }

  /** Like {@link #run(String, Map, ComponentRegistry, Consumer)}, after {@code machine} set up the machine's devices. */
  void run(Consumer<Kernel> machine, String menu, Map<String, byte[]> files, ComponentRegistry components,
      Consumer<Core> body) {
    try (Kernel k = boot.apply(KernelConfig.defaults().withCpus(2).withRam(32L << 20))) {
      kernel = k;
      machine.accept(k);
      k.runRoot((gate, ip, arg) -> body.accept(Core.boot(gate, BootImage.parse(menu, files), components,
          console::add)), Duration.ofSeconds(60));
    }
  }

  /** Returns the booted kernel. */
  Kernel kernel() {
    return Objects.requireNonNull(kernel);
  }

  /** Lets virtual time pass for the calling thread of core. */
  void sleep(long micros) {
    GenodeKernel.sleep(kernel(), micros);
  }

  /** Waits until {@code condition} holds, giving up after a virtual second. */
  void await(BooleanSupplier condition) {
    for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
      sleep(1000);
    }
    if (!condition.getAsBoolean()) {
      throw new AssertionError("condition not reached within a virtual second; console: " + console);
    }
  }

  /** Waits until the console shows {@code line}. */
  void awaitLine(String line) {
    await(() -> console.contains(line));
  }

  /**
   * Boots core with the standard menu and {@code init} as init's code, which exits when it returns, and
   * returns the console once it has.
   */
  static List<String> runInit(Consumer<Env> init) {
    CoreScenario s = new CoreScenario();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    s.run(MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
      init.accept(env);
      env.parentInterface().exit(0);
    }), core -> {
      s.awaitLine("child \"init\" exited with exit value 0");
      seen.addAll(s.console);
    });
    return seen;
  }
}
