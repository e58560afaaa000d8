package io.github.genova.nova.api;

/**
 * The status codes a NOVA hypercall returns, with their classic numeric values. Every hypercall
 * answers with one of these; bad arguments are reported here, never with an exception.
 */
public enum Status {
  /** The operation completed. */
  SUCCESS(0),
  /** The operation timed out, or the callee was busy and the caller asked not to block. */
  TIMEOUT(1),
  /** The operation was aborted, for instance because the serving EC died. */
  ABORTED(2),
  /** The hypercall number is not a valid hypercall. */
  BAD_HYP(3),
  /** A capability selector names no object, the wrong kind of object or lacks a permission. */
  BAD_CAP(4),
  /** A parameter is out of range. */
  BAD_PAR(5),
  /** The requested feature is not available. */
  BAD_FTR(6),
  /** The named CPU is not online, or the object lives on another CPU. */
  BAD_CPU(7),
  /** The device named by an assignment is not valid. */
  BAD_DEV(8);

  private static final Status[] BY_CODE = values();

  private final int code;

  Status(int code) {
    this.code = code;
  }

  /** Returns the numeric value the classic kernel returns in the status register. */
  public int code() {
    return code;
  }

  /**
   * Returns the status with the given numeric value.
   *
   * @throws IllegalArgumentException if {@code code} is not a classic status code
   */
  public static Status ofCode(int code) {
    if (code < 0 || code >= BY_CODE.length) {
      throw new IllegalArgumentException("not a NOVA status code: " + code);
    }
    return BY_CODE[code];
  }
}
