package io.github.genova.genode.base.dataspace;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A dataspace (Genode's {@code Dataspace}): a range of physical memory, handed around by capability and made
 * accessible by attaching it to a region map. Core's dataspaces are real frames of the machine.
 */
public interface Dataspace {
  /** Returns the size in bytes, a multiple of 4 KiB. */
  @RpcFunction(0)
  long size();

  /** Returns the physical address of the first byte (the frames are contiguous). */
  @RpcFunction(1)
  long physAddr();

  /** Returns whether the dataspace may be attached writeable. */
  @RpcFunction(2)
  boolean writable();
}
