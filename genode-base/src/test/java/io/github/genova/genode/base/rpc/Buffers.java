package io.github.genova.genode.base.rpc;

/** A test interface: byte buffers IN and INOUT, bounded strings, records, enums, word layout. */
public interface Buffers {
  /** A declared exception. */
  final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public Failed() {}
  }

  /** Scribbles over {@code data} on the server; returns the sum of the bytes it received. */
  @RpcFunction(0)
  int inOnly(@Bound(16) byte[] data);

  /** Increments every byte on the server; returns the length it received. */
  @RpcFunction(1)
  int inOut(@InOut @Bound(16) byte[] data);

  /** Writes 0x55 into every byte, then throws. */
  @RpcFunction(2)
  int failAfterWrite(@InOut @Bound(16) byte[] data) throws Failed;

  @RpcFunction(3)
  @Bound(16)
  String echo(@Bound(8) String s);

  @RpcFunction(4)
  Point mirror(Point p, Colour c);

  @RpcFunction(5)
  long layout(byte b, @Bound(12) String s, long l);
}
