package io.github.genova.genode.os.hw;

/**
 * Byte-wide access to a range of I/O ports, as a driver sees an IO_PORT session: {@link #inb} and
 * {@link #outb} with absolute port numbers. A driver touches only the ports it was given; what an access
 * outside them does is the implementation's to say.
 */
public interface IoPorts {
  /** Reads the byte at {@code port} (0..0xffff); returns 0..255. */
  int inb(int port);

  /** Writes the low byte of {@code value} to {@code port} (0..0xffff). */
  void outb(int port, int value);
}
