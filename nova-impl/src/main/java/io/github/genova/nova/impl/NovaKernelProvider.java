package io.github.genova.nova.impl;

import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.KernelProvider;

/** Makes {@link NovaKernel} findable through {@link io.github.genova.nova.api.Kernels}. */
public final class NovaKernelProvider implements KernelProvider {
  /** Creates the provider (ServiceLoader calls this). */
  public NovaKernelProvider() {}

  @Override
  public String name() {
    return "nova-impl";
  }

  @Override
  public Kernel boot(KernelConfig config) {
    return NovaKernel.boot(config);
  }
}
