package io.github.genova.genode.base.quota;

/**
 * An account of RAM quota in bytes; running short throws {@link OutOfRam}. Core keeps one per PD (the
 * classic RAM session); a server keeps one per session for what its client donated.
 */
public final class RamAccount extends Account<RamQuota, OutOfRam> {
  /** Creates a RAM account named {@code name} with {@code limit} and nothing used or referenced. */
  public RamAccount(String name, RamQuota limit) {
    super(name, limit);
  }

  @Override
  RamQuota quota(long value) {
    return RamQuota.of(value);
  }

  @Override
  OutOfRam exhausted(long requested, long available) {
    return new OutOfRam(name(), RamQuota.of(requested), RamQuota.of(available));
  }
}
