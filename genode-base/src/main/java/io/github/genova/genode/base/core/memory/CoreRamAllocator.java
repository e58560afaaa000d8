package io.github.genova.genode.base.core.memory;

import io.github.genova.genode.base.quota.RamAllocator;

/**
 * Core's RAM allocator: RAM dataspaces of zero-filled, contiguous frames of {@link PhysicalMemory}. Filling
 * them through core's window also maps every frame in core's own space, from where the {@link Pager}
 * delegates (and detaches revoke) them. Called by threads of core.
 */
public final class CoreRamAllocator implements RamAllocator<RamDataspace> {
  private final PhysicalMemory memory;

  /** Creates the allocator over {@code memory}. */
  public CoreRamAllocator(PhysicalMemory memory) {
    this.memory = memory;
  }

  @Override
  public RamDataspace alloc(long size) {
    long bytes = RamAllocator.pageAligned(size);
    long phys = memory.allocate(bytes);
    memory.clear(phys, bytes);
    return new RamDataspace(phys, bytes, true);
  }

  @Override
  public void free(RamDataspace ds) {
    memory.release(ds.physAddr(), ds.size());
  }

  @Override
  public long dataspaceSize(RamDataspace ds) {
    return ds.size();
  }
}
