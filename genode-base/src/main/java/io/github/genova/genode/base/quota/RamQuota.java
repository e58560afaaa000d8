package io.github.genova.genode.base.quota;

/**
 * An amount of RAM quota in bytes (Genode's {@code Ram_quota}).
 *
 * @param value the number of bytes, at least 0
 */
public record RamQuota(long value) implements Quota {
  /** No RAM. */
  public static final RamQuota NONE = new RamQuota(0);

  /** Rejects negative amounts. */
  public RamQuota {
    if (value < 0) {
      throw new IllegalArgumentException("RAM quota must not be negative: " + value);
    }
  }

  /** Returns {@code bytes} of RAM quota. */
  public static RamQuota of(long bytes) {
    return new RamQuota(bytes);
  }

  @Override
  public String toString() {
    return value + " bytes";
  }
}
