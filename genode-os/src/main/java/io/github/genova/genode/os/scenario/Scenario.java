package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.core.BootImage;
import io.github.genova.genode.base.core.Core;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.os.init.component.Init;
import io.github.genova.genode.os.launchpad.Launchpad;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.nova.api.RootTaskFailure;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A Genode scenario as the run tool builds one: init's configuration plus the components (boot modules) it
 * starts. {@link #run} boots a fresh kernel in deterministic mode (seed 0, virtual time), core from a GRUB
 * menu entry of {@code config}, {@code init} and the modules, and runs the given body in core's root task
 * while the system runs; the same scenario gives the same log, line for line.
 *
 * <pre>{@code
 * ScenarioRun run = Scenario.of(configXml).with("hello", env -> env.log().log("Hello world"))
 *     .run(s -> s.awaitLog("[init -> hello] Hello world", Duration.ofSeconds(1)));
 * }</pre>
 */
public final class Scenario {
  /** The wall-clock time a run may take before the kernel gives up on it, unless {@link #withHostTimeout}. */
  public static final Duration HOST_TIMEOUT = Duration.ofMinutes(2);

  /** The binary of launchpad, which starts children from the scenario's binaries as init does. */
  private static final String LAUNCHPAD = "launchpad";

  private final String config;
  private final Map<String, Function<ScenarioRun, Component>> components = new LinkedHashMap<>();
  private final Map<String, byte[]> roms = new LinkedHashMap<>();
  private Consumer<String> echo = line -> { };
  private KernelConfig kernel = KernelConfig.defaults().withCpus(2).withRam(64L << 20);
  private Duration hostTimeout = HOST_TIMEOUT;

  private Scenario(String config) {
    this.config = config;
  }

  /** Returns a scenario whose init is configured by {@code configXml}. */
  public static Scenario of(String configXml) {
    return new Scenario(configXml);
  }

  /**
   * Lets a run take up to {@code timeout} of wall-clock time (instead of {@link #HOST_TIMEOUT}) before the
   * kernel gives up on it: for interactive runs, whose virtual time follows the wall clock.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public Scenario withHostTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a host timeout must be positive: " + timeout);
    }
    this.hostTimeout = timeout;
    return this;
  }

  /** Adds boot module {@code binary}, a component init can start by that name. */
  public Scenario with(String binary, Component component) {
    return withWaiting(binary, run -> component);
  }

  /**
   * Adds boot module {@code binary}, a component that may wait in the run's virtual time ({@link
   * ScenarioRun#sleep}, {@link ScenarioRun#logContains}), as test components that pace themselves do.
   */
  public Scenario withWaiting(String binary, Function<ScenarioRun, Component> component) {
    if (binary.equals("init") || binary.equals("config") || roms.containsKey(binary)
        || components.putIfAbsent(binary, component) != null) {
      throw new IllegalArgumentException("boot module \"" + binary + "\" is already part of the scenario");
    }
    return this;
  }

  /**
   * Adds boot module {@code name} holding {@code content}: a ROM core serves by that name (firmware, data),
   * not a binary init can start.
   */
  public Scenario withRom(String name, byte[] content) {
    if (name.equals("init") || name.equals("config") || components.containsKey(name)
        || roms.putIfAbsent(name, content.clone()) != null) {
      throw new IllegalArgumentException("boot module \"" + name + "\" is already part of the scenario");
    }
    return this;
  }

  /** Adds every component of {@code registry} but init as a boot module of its name. */
  public Scenario withAll(ComponentRegistry registry) {
    for (String name : registry.names()) {
      if (!name.equals("init")) {
        registry.lookup(name).ifPresent(c -> with(name, c));
      }
    }
    return this;
  }

  /** Passes every console line to {@code sink} as well, as it is printed (for a live console). */
  public Scenario echoTo(Consumer<String> sink) {
    this.echo = sink;
    return this;
  }

  /** Runs on a kernel configured as {@code kernelConfig} instead of the default (2 CPUs, 64 MiB, seed 0). */
  public Scenario on(KernelConfig kernelConfig) {
    this.kernel = kernelConfig;
    return this;
  }

  /**
   * Runs on a machine of platform {@code platform} (e.g. {@link KernelConfig#PLATFORM_STANDARD_PC}, which
   * drivers such as the timer need), the kernel otherwise configured as before.
   *
   * @throws IllegalArgumentException if {@code platform} is blank (an unknown name is refused at boot)
   */
  public Scenario onPlatform(String platform) {
    this.kernel = kernel.withPlatform(platform);
    return this;
  }

  /** Returns the GRUB menu entry the scenario boots from. */
  public String menuEntry() {
    StringBuilder menu = new StringBuilder("""
        title Genova scenario
         kernel /hypervisor iommu serial
         module /genode/core
         module /genode/config
         module /genode/init
        """);
    components.keySet().forEach(name -> menu.append(" module /genode/").append(name).append('\n'));
    roms.keySet().forEach(name -> menu.append(" module /genode/").append(name).append('\n'));
    return menu.toString();
  }

  /**
   * Boots the scenario and runs {@code body} in core's root task; returns once the body is done (the system
   * stops with it). The body's failure (e.g. a {@link ScenarioRun#awaitLog} timeout) is rethrown.
   */
  public ScenarioRun run(Consumer<ScenarioRun> body) {
    Map<String, byte[]> files = new LinkedHashMap<>(roms);
    files.put("config", config.getBytes(StandardCharsets.UTF_8));
    BootImage image = BootImage.parse(menuEntry(), files);
    try (Kernel k = Kernels.boot(kernel)) {
      ScenarioRun run = new ScenarioRun(k, echo);
      ComponentRegistry registry = ComponentRegistry.of(List.of());
      for (Map.Entry<String, Function<ScenarioRun, Component>> e : components.entrySet()) {
        registry = registry.with(e.getKey(), e.getValue().apply(run));
      }
      // The parents start their children from the scenario's binaries: init (so a start node may run a
      // nested init) and, when the scenario has it, launchpad.
      ComponentRegistry[] binaries = new ComponentRegistry[1];
      ComponentRegistry withParents = registry.with("init", env -> new Init(binaries[0]).construct(env));
      if (components.containsKey(LAUNCHPAD)) {
        withParents = withParents.with(LAUNCHPAD, env -> new Launchpad(binaries[0]).construct(env));
      }
      binaries[0] = withParents;
      ComponentRegistry all = withParents;
      try {
        k.runRoot((gate, ip, arg) -> {
          Core.boot(gate, image, all, run::append);
          body.accept(run);
        }, hostTimeout);
      } catch (RootTaskFailure e) {
        if (e.getCause() instanceof AssertionError failed) {
          throw failed;
        }
        throw e;
      }
      return run;
    }
  }
}
