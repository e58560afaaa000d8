package io.github.genova.genode.base.core.memory;

import io.github.genova.genode.base.dataspace.Dataspace;

/**
 * A dataspace core made over physical frames: the bytes at offset {@code o} are those of physical address
 * {@link #physAddr()} {@code + o}, for every {@code o} below {@link #size()}. Core's pager maps its pages
 * straight from core's physical window; RAM, ROM modules and device memory are such dataspaces.
 */
public interface FrameDataspace extends Dataspace {
  /**
   * Returns whether the frames still belong to the dataspace; once false (its session closed), region maps
   * it is attached to no longer resolve faults to them.
   */
  default boolean live() {
    return true;
  }
}
