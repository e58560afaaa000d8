/**
 * A NOVA microhypervisor kernel in Java, implementing {@code nova-api} on the {@code x86-platform}
 * SPI. Depends on those two modules only.
 */
module io.github.genova.nova.impl {
  requires static transitive org.jspecify;
  requires transitive io.github.genova.nova.api;
  requires transitive io.github.genova.x86platform;

  exports io.github.genova.nova.impl;

  provides io.github.genova.nova.api.KernelProvider with
      io.github.genova.nova.impl.NovaKernelProvider;
}
