package io.github.genova.genode.base.quota;

/**
 * A session request donated less RAM than the server needs for the session (Genode's
 * {@code Insufficient_ram_quota}; classic: {@code Quota_exceeded}). The client may retry with more.
 */
public final class InsufficientRamQuota extends Exception {
  private static final long serialVersionUID = 1L;

  /** What the session needs at least. */
  private final long needed;

  /**
   * Creates the exception as an RPC stub rethrows it: the amounts do not travel, so {@link #needed()} is
   * zero.
   */
  public InsufficientRamQuota() {
    super("insufficient RAM quota (reported by the server)");
    this.needed = 0;
  }

  /** Creates the exception for a donation of {@code donated} where {@code needed} is required. */
  public InsufficientRamQuota(RamQuota donated, RamQuota needed) {
    super("insufficient RAM quota: donated " + donated.value() + " bytes, session needs "
        + needed.value());
    this.needed = needed.value();
  }

  /** Returns the RAM quota the session needs at least. */
  public RamQuota needed() {
    return RamQuota.of(needed);
  }
}
