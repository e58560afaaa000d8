package io.github.genova.genode.base.core.io;

import io.github.genova.genode.base.core.memory.FrameDataspace;

/**
 * The dataspace of an IO_MEM session: a device's memory, {@code [physAddr, physAddr + size)}, always
 * writable. It lives as long as its session: once {@link #close closed}, no region map resolves a fault to
 * its frames again.
 */
final class IoMemDataspace implements FrameDataspace {
  private final long physAddr;
  private final long size;
  private volatile boolean live = true;

  IoMemDataspace(long physAddr, long size) {
    this.physAddr = physAddr;
    this.size = size;
  }

  @Override
  public long physAddr() {
    return physAddr;
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public boolean writable() {
    return true;
  }

  @Override
  public boolean live() {
    return live;
  }

  /** Ends the dataspace: its session closed. */
  void close() {
    live = false;
  }
}
