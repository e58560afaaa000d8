package io.github.genova.genode.base.nova;

/**
 * The protocol word of an RPC reply (word 0), as Genode today defines it: success, the two protocol
 * errors, and declared exceptions below {@link #EXCEPTION_BASE}. For a function declaring exceptions
 * E1..En, Ei travels as {@code EXCEPTION_BASE - (n - i + 1)}: the first listed is the most negative, the
 * last is {@code -1001}.
 */
public final class RpcExceptionCode {
  private RpcExceptionCode() {}

  /** The function ran and returned normally. */
  public static final long SUCCESS = 0;
  /** No such object: the kernel refused the call (revoked or no portal), or the server found no object. */
  public static final long INVALID_OBJECT = -1;
  /** The object has no function with that opcode. */
  public static final long INVALID_OPCODE = -2;
  /** Base of the codes of declared exceptions. */
  public static final long EXCEPTION_BASE = -1000;

  /** Returns the code of declared exception {@code i} (1-based) of {@code n}. */
  public static long ofException(int i, int n) {
    return EXCEPTION_BASE - (n - i + 1);
  }

  /** Returns the 1-based index of the declared exception of {@code n} that {@code code} stands for, or 0. */
  public static int exceptionIndex(long code, int n) {
    long i = n + 1 - (EXCEPTION_BASE - code);
    return code < EXCEPTION_BASE && i >= 1 && i <= n ? (int) i : 0;
  }
}
