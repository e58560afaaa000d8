package io.github.genova.genode.base.quota;

import java.util.HashMap;
import java.util.Map;

/**
 * A {@link RamAllocator} that charges each allocation to a RAM and a capability account before asking
 * the backing allocator (Genode's {@code Constrained_ram_allocator}): a server that allocates on
 * behalf of a session this way never grows beyond what the client donated. Each dataspace costs its
 * page-rounded size and one capability; freeing gives both back. A failed allocation charges nothing.
 *
 * <p>Thread-safe; freeing a dataspace not allocated here (or twice) changes nothing, so a client
 * cannot raise its quota by freeing foreign memory.
 *
 * @param <D> the dataspace handle
 */
public final class ConstrainedRamAllocator<D> implements RamAllocator<D> {
  private final RamAllocator<D> backing;
  private final RamAccount ram;
  private final CapAccount caps;
  /** Bytes charged per live dataspace; looked up only, never iterated. */
  private final Map<D, Long> charged = new HashMap<>();

  /** Creates the guard charging {@code ram} and {@code caps} for allocations from {@code backing}. */
  public ConstrainedRamAllocator(RamAllocator<D> backing, RamAccount ram, CapAccount caps) {
    this.backing = backing;
    this.ram = ram;
    this.caps = caps;
  }

  @Override
  public D alloc(long size) throws OutOfRam, OutOfCaps {
    if (size <= 0) {
      throw new IllegalArgumentException("RAM allocation of " + size + " bytes");
    }
    RamQuota pages = RamQuota.of(RamAllocator.pageAligned(size));
    ram.withdraw(pages);
    try {
      caps.withdraw(CapQuota.of(1));
    } catch (OutOfCaps e) {
      ram.replenish(pages);
      throw e;
    }
    D ds;
    try {
      ds = backing.alloc(size);
    } catch (OutOfRam | OutOfCaps | RuntimeException e) {
      ram.replenish(pages);
      caps.replenish(CapQuota.of(1));
      throw e;
    }
    synchronized (charged) {
      charged.put(ds, pages.value());
    }
    return ds;
  }

  @Override
  public void free(D ds) {
    Long pages;
    synchronized (charged) {
      pages = charged.remove(ds);
    }
    if (pages == null) {
      return;
    }
    backing.free(ds);
    ram.replenish(RamQuota.of(pages));
    caps.replenish(CapQuota.of(1));
  }

  @Override
  public long dataspaceSize(D ds) {
    return backing.dataspaceSize(ds);
  }
}
