package io.github.genova.genode.base.quota;

/**
 * A session request donated fewer capabilities than the server needs for the session (Genode's
 * {@code Insufficient_cap_quota}). The client may retry with more.
 */
public final class InsufficientCapQuota extends Exception {
  private static final long serialVersionUID = 1L;

  /** What the session needs at least. */
  private final long needed;

  /**
   * Creates the exception as an RPC stub rethrows it: the amounts do not travel, so {@link #needed()} is
   * zero.
   */
  public InsufficientCapQuota() {
    super("insufficient cap quota (reported by the server)");
    this.needed = 0;
  }

  /** Creates the exception for a donation of {@code donated} where {@code needed} is required. */
  public InsufficientCapQuota(CapQuota donated, CapQuota needed) {
    super("insufficient cap quota: donated " + donated.value() + " caps, session needs "
        + needed.value());
    this.needed = needed.value();
  }

  /** Returns the capability quota the session needs at least. */
  public CapQuota needed() {
    return CapQuota.of(needed);
  }
}
