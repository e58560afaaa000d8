package io.github.genova.nova.impl;

import io.github.genova.nova.api.ExecutionMode;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.KernelProvider;
import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.Machine;
import io.github.genova.platform.firmware.SystemBios;
import io.github.genova.platform.pc.StandardPc;
import java.util.List;

/**
 * Makes {@link NovaKernel} findable through {@link io.github.genova.nova.api.Kernels}: builds a fresh
 * machine of the configured size and {@linkplain KernelConfig#platform() platform} (virtual time in
 * deterministic mode, real time in parallel mode) and boots the kernel on it. Known platforms: {@value
 * KernelConfig#PLATFORM_BARE} (no devices, no firmware) and {@value KernelConfig#PLATFORM_STANDARD_PC}
 * ({@link StandardPc#devices()}, POSTed by the {@link SystemBios} before the kernel boots, so the VGA option
 * ROM at C0000h has hooked int 10h and the HIP lists the BIOS's ranges as reserved).
 */
public final class NovaKernelProvider implements KernelProvider {
  /** Creates the provider (ServiceLoader calls this). */
  public NovaKernelProvider() {}

  @Override
  public String name() {
    return "nova-impl";
  }

  /**
   * Boots a kernel on a fresh machine of {@code config}'s size and platform.
   *
   * @throws IllegalArgumentException if the platform is not one of the known ones (the message names the
   *     option, the value and the known platforms)
   */
  @Override
  public Kernel boot(KernelConfig config) {
    List<DeviceFactory<?>> devices = switch (config.platform()) {
      case KernelConfig.PLATFORM_BARE -> List.of();
      case KernelConfig.PLATFORM_STANDARD_PC -> StandardPc.devices();
      default -> throw new IllegalArgumentException("KernelConfig platform \"" + config.platform()
          + "\" is unknown to nova-impl; known platforms: " + KernelConfig.PLATFORM_BARE + ", "
          + KernelConfig.PLATFORM_STANDARD_PC);
    };
    Machine machine = Machine.builder()
        .cpus(config.cpus())
        .ram(config.ramBytes())
        .virtualTime(config.mode() == ExecutionMode.DETERMINISTIC)
        .devices(devices)
        .build();
    try {
      if (config.platform().equals(KernelConfig.PLATFORM_STANDARD_PC)) {
        SystemBios.post(machine);
      }
      return NovaKernel.boot(machine, config);
    } catch (RuntimeException e) {
      machine.close();
      throw e;
    }
  }
}
