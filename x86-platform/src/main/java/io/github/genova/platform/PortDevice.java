package io.github.genova.platform;

/**
 * A device's I/O-port handler, attached to a range of the {@link PortBus}. Sizes are 1, 2 or 4 bytes; the
 * port is the absolute port number. Handlers are called on the accessing thread.
 */
public interface PortDevice {
  /** Returns the value read from {@code port}; only the low {@code size} bytes are used. */
  int in(int port, int size);

  /** Handles a write of the low {@code size} bytes of {@code value} to {@code port}. */
  void out(int port, int size, int value);
}
