package io.github.genova.genode.base.quota;

/**
 * An amount of capability quota (Genode's {@code Cap_quota}): how many capabilities a component may
 * have allocated on its behalf.
 *
 * @param value the number of capabilities, at least 0
 */
public record CapQuota(long value) implements Quota {
  /** No capabilities. */
  public static final CapQuota NONE = new CapQuota(0);

  /** Rejects negative amounts. */
  public CapQuota {
    if (value < 0) {
      throw new IllegalArgumentException("capability quota must not be negative: " + value);
    }
  }

  /** Returns {@code caps} capabilities of quota. */
  public static CapQuota of(long caps) {
    return new CapQuota(caps);
  }

  @Override
  public String toString() {
    return value + " caps";
  }
}
