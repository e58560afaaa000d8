package io.github.genova.nova.api;

import org.jspecify.annotations.Nullable;

/**
 * What a kernel is booted with: the machine's size, the execution mode, the seed for deterministic
 * choices, the hypervisor command line, optionally a sink for the kernel's trace, and the platform — which
 * devices the machine has besides CPUs, RAM and interrupt lines ({@value #PLATFORM_BARE}, the default, has
 * none; {@value #PLATFORM_STANDARD_PC} has a PC's: 8259 pair, 8254 PIT, CMOS/RTC, COM1, i8042, PCI with
 * VGA, debug ports). A provider refuses a platform it does not know with an {@link
 * IllegalArgumentException} naming the option and the platforms it knows.
 *
 * @param cpus number of simulated CPUs, 1..64
 * @param ramBytes physical memory in bytes, a positive multiple of 4 KiB
 * @param mode deterministic (virtual time) or parallel (real time)
 * @param seed the seed of every choice in deterministic mode
 * @param commandLine the hypervisor command line, as GRUB would pass it
 * @param trace receives every scheduling decision, event, death and interrupt; null (the default) for none
 * @param platform the machine's devices by platform name, {@value #PLATFORM_BARE} by default
 */
public record KernelConfig(
    int cpus, long ramBytes, ExecutionMode mode, long seed, String commandLine, @Nullable TraceSink trace,
    String platform) {
  /** The platform without devices: CPUs, RAM and interrupt lines only (the default). */
  public static final String PLATFORM_BARE = "bare";
  /** The platform of a standard PC's devices, among them the 8254 PIT on ports 0x40-0x43 and GSI 0. */
  public static final String PLATFORM_STANDARD_PC = "standard-pc";

  /**
   * Checks the configuration.
   *
   * @throws IllegalArgumentException naming the setting that is out of range
   */
  public KernelConfig {
    if (cpus < 1 || cpus > 64) {
      throw new IllegalArgumentException("cpus must be 1..64: " + cpus);
    }
    if (ramBytes <= 0 || ramBytes % 4096 != 0) {
      throw new IllegalArgumentException("ramBytes must be a positive multiple of 4096: " + ramBytes);
    }
    if (platform.isBlank()) {
      throw new IllegalArgumentException("platform must name a platform (e.g. \"" + PLATFORM_BARE + "\" or \""
          + PLATFORM_STANDARD_PC + "\"), not be blank");
    }
  }

  /** A configuration on the {@value #PLATFORM_BARE} platform. */
  public KernelConfig(
      int cpus, long ramBytes, ExecutionMode mode, long seed, String commandLine, @Nullable TraceSink trace) {
    this(cpus, ramBytes, mode, seed, commandLine, trace, PLATFORM_BARE);
  }

  /** A configuration on the {@value #PLATFORM_BARE} platform without a trace sink. */
  public KernelConfig(int cpus, long ramBytes, ExecutionMode mode, long seed, String commandLine) {
    this(cpus, ramBytes, mode, seed, commandLine, null);
  }

  /** One CPU, 64 MiB, deterministic, seed 0, empty command line, no trace sink, no devices. */
  public static KernelConfig defaults() {
    return new KernelConfig(1, 64L << 20, ExecutionMode.DETERMINISTIC, 0, "");
  }

  /** Returns a copy with {@code n} CPUs. */
  public KernelConfig withCpus(int n) {
    return new KernelConfig(n, ramBytes, mode, seed, commandLine, trace, platform);
  }

  /** Returns a copy with the given memory size. */
  public KernelConfig withRam(long bytes) {
    return new KernelConfig(cpus, bytes, mode, seed, commandLine, trace, platform);
  }

  /** Returns a copy with the given execution mode. */
  public KernelConfig withMode(ExecutionMode m) {
    return new KernelConfig(cpus, ramBytes, m, seed, commandLine, trace, platform);
  }

  /** Returns a copy with the given seed. */
  public KernelConfig withSeed(long s) {
    return new KernelConfig(cpus, ramBytes, mode, s, commandLine, trace, platform);
  }

  /** Returns a copy whose kernel reports its trace to {@code sink} (null: no sink). */
  public KernelConfig withTrace(@Nullable TraceSink sink) {
    return new KernelConfig(cpus, ramBytes, mode, seed, commandLine, sink, platform);
  }

  /**
   * Returns a copy on platform {@code name} ({@link #PLATFORM_BARE}, {@link #PLATFORM_STANDARD_PC}, or
   * another a provider knows); the provider refuses names it does not know when booting.
   *
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public KernelConfig withPlatform(String name) {
    return new KernelConfig(cpus, ramBytes, mode, seed, commandLine, trace, name);
  }
}
