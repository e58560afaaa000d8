package io.github.genova.genode.base.rpc;

/** A test RPC interface: arithmetic on primitives, with a declared exception. */
public interface Calculator {
  /** Thrown for a division by zero. */
  final class DivideByZero extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public DivideByZero() {}
  }

  /** Thrown for an overflow. */
  final class Overflow extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public Overflow() {}
  }

  @RpcFunction(0)
  int add(int a, int b);

  @RpcFunction(1)
  long divide(long a, long b) throws Overflow, DivideByZero;

  @RpcFunction(2)
  double scale(double x, float f, boolean negate, byte b, short s, char c);

  @RpcFunction(3)
  void nothing();
}
