package io.github.genova.platform;

/**
 * Makes one device and attaches it to a machine under construction: claims its ports and MMIO ranges,
 * takes its interrupt lines and deadlines. Factories run in the order they were given to the
 * {@link Machine.Builder}, so a device may look up one attached before it with {@link Machine#device}.
 *
 * @param <D> the device type, by which {@link Machine#device} finds it again
 */
@FunctionalInterface
public interface DeviceFactory<D> {
  /** Creates the device and attaches it to {@code machine}. */
  D attach(Machine machine);
}
