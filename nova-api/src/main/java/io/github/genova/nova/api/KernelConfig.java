package io.github.genova.nova.api;

import org.jspecify.annotations.Nullable;

/**
 * What a kernel is booted with: the machine's size, the execution mode, the seed for deterministic
 * choices, the hypervisor command line and, optionally, a sink for the kernel's trace.
 *
 * @param cpus number of simulated CPUs, 1..64
 * @param ramBytes physical memory in bytes, a positive multiple of 4 KiB
 * @param mode deterministic (virtual time) or parallel (real time)
 * @param seed the seed of every choice in deterministic mode
 * @param commandLine the hypervisor command line, as GRUB would pass it
 * @param trace receives every scheduling decision, event, death and interrupt; null (the default) for none
 */
public record KernelConfig(
    int cpus, long ramBytes, ExecutionMode mode, long seed, String commandLine, @Nullable TraceSink trace) {
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
  }

  /** A configuration without a trace sink. */
  public KernelConfig(int cpus, long ramBytes, ExecutionMode mode, long seed, String commandLine) {
    this(cpus, ramBytes, mode, seed, commandLine, null);
  }

  /** One CPU, 64 MiB, deterministic, seed 0, empty command line, no trace sink. */
  public static KernelConfig defaults() {
    return new KernelConfig(1, 64L << 20, ExecutionMode.DETERMINISTIC, 0, "");
  }

  /** Returns a copy with {@code n} CPUs. */
  public KernelConfig withCpus(int n) {
    return new KernelConfig(n, ramBytes, mode, seed, commandLine, trace);
  }

  /** Returns a copy with the given memory size. */
  public KernelConfig withRam(long bytes) {
    return new KernelConfig(cpus, bytes, mode, seed, commandLine, trace);
  }

  /** Returns a copy with the given execution mode. */
  public KernelConfig withMode(ExecutionMode m) {
    return new KernelConfig(cpus, ramBytes, m, seed, commandLine, trace);
  }

  /** Returns a copy with the given seed. */
  public KernelConfig withSeed(long s) {
    return new KernelConfig(cpus, ramBytes, mode, s, commandLine, trace);
  }

  /** Returns a copy whose kernel reports its trace to {@code sink} (null: no sink). */
  public KernelConfig withTrace(@Nullable TraceSink sink) {
    return new KernelConfig(cpus, ramBytes, mode, seed, commandLine, sink);
  }
}
