package io.github.genova.genode.base.quota;

/**
 * An account of capability quota; running short throws {@link OutOfCaps}. Every capability a component
 * causes to exist (RPC objects, dataspaces, sessions) is withdrawn from one.
 */
public final class CapAccount extends Account<CapQuota, OutOfCaps> {
  /** Creates a capability account named {@code name} with {@code limit} and nothing used or referenced. */
  public CapAccount(String name, CapQuota limit) {
    super(name, limit);
  }

  @Override
  CapQuota quota(long value) {
    return CapQuota.of(value);
  }

  @Override
  OutOfCaps exhausted(long requested, long available) {
    return new OutOfCaps(name(), CapQuota.of(requested), CapQuota.of(available));
  }
}
