package io.github.genova.platform;

/**
 * One claim on the {@link PortBus}: ports {@code base .. base + count - 1} and their device.
 *
 * @param base first port
 * @param count number of ports
 * @param device the handler
 */
public record PortRange(int base, int count, PortDevice device) {
  /** Returns the first port after the range. */
  public int end() {
    return base + count;
  }

  @Override
  public String toString() {
    return String.format("%04x-%04x %s", base, base + count - 1, device);
  }
}
