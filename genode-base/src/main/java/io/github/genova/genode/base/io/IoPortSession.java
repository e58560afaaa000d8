package io.github.genova.genode.base.io;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * An IO_PORT session (Genode's {@code Io_port_session}): access to the I/O ports {@code [io_port_base,
 * io_port_base + io_port_size)}, by absolute port number. Reads outside the range return 0, writes outside
 * it are dropped.
 */
public interface IoPortSession {
  /** The service name. */
  String SERVICE_NAME = "IO_PORT";

  /** Reads a byte from {@code port}. */
  @RpcFunction(0)
  int inb(int port);

  /** Reads a 16-bit word from {@code port}. */
  @RpcFunction(1)
  int inw(int port);

  /** Reads a 32-bit word from {@code port}. */
  @RpcFunction(2)
  int inl(int port);

  /** Writes a byte to {@code port}. */
  @RpcFunction(3)
  void outb(int port, int value);

  /** Writes a 16-bit word to {@code port}. */
  @RpcFunction(4)
  void outw(int port, int value);

  /** Writes a 32-bit word to {@code port}. */
  @RpcFunction(5)
  void outl(int port, int value);
}
