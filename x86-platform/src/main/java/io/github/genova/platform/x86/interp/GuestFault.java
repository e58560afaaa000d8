package io.github.genova.platform.x86.interp;

import java.io.Serial;

/**
 * A guest exception (#DE, #GP, #PF ...) raised while executing an instruction. It never leaves the
 * interpreter: the run loop catches it, rolls the instruction back and delivers the vector to the guest.
 * It carries no stack trace, so raising one costs an allocation and nothing more.
 */
final class GuestFault extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  /** Exception vector, 0..31. */
  final int vector;
  /** Error code pushed with the exception, or -1 when the vector pushes none. */
  final int errorCode;

  GuestFault(int vector, int errorCode) {
    super(null, null, false, false);
    this.vector = vector;
    this.errorCode = errorCode;
  }

  @Override
  public String getMessage() {
    return Vectors.name(vector) + (errorCode >= 0 ? "(" + Integer.toHexString(errorCode) + ")" : "");
  }
}
