package io.github.genova.nova.api;

import java.util.ServiceLoader;

/** Finds a kernel implementation on the class or module path and boots it. */
public final class Kernels {
  private Kernels() {}

  /**
   * Boots a kernel with the first {@link KernelProvider} found.
   *
   * @throws IllegalStateException if no implementation is present (add {@code nova-impl} at run time)
   */
  public static Kernel boot(KernelConfig config) {
    for (KernelProvider provider : ServiceLoader.load(KernelProvider.class)) {
      return provider.boot(config);
    }
    throw new IllegalStateException(
        "no NOVA kernel implementation found: add io.github.genova:nova-impl to the run-time class or module path");
  }
}
