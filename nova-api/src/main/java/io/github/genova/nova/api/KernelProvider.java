package io.github.genova.nova.api;

/**
 * The SPI a kernel implementation provides, found with {@link java.util.ServiceLoader}, so that code above
 * the kernel never names an implementation. Use {@link Kernels#boot} rather than this interface.
 */
public interface KernelProvider {
  /** Returns the implementation's name, e.g. {@code "nova-impl"}. */
  String name();

  /**
   * Boots a kernel on a fresh machine of the configured size.
   *
   * @throws IllegalArgumentException if the configuration cannot be honoured (the message says why)
   */
  Kernel boot(KernelConfig config);
}
