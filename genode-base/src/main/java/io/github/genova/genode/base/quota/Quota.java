package io.github.genova.genode.base.quota;

/**
 * An amount of one kind of quota, never negative: bytes of RAM ({@link RamQuota}) or capabilities
 * ({@link CapQuota}). The kinds are distinct types so that bytes are never debited from a capability
 * account or the other way round.
 */
public sealed interface Quota permits RamQuota, CapQuota {
  /** Returns the amount, at least 0. */
  long value();
}
