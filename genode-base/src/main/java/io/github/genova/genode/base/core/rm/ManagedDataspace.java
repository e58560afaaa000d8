package io.github.genova.genode.base.core.rm;

import io.github.genova.genode.base.dataspace.Dataspace;

/**
 * A region map seen as a dataspace (Genode's managed dataspace): attaching it elsewhere makes faults in that
 * range resolve through {@link #map()}.
 *
 * @param map the region map behind it
 */
public record ManagedDataspace(RegionMapComponent map) implements Dataspace {
  @Override
  public long size() {
    return map.size();
  }

  /** A managed dataspace has no physical address of its own: 0. */
  @Override
  public long physAddr() {
    return 0;
  }

  @Override
  public boolean writable() {
    return true;
  }
}
