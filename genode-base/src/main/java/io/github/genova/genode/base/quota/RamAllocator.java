package io.github.genova.genode.base.quota;

/**
 * Allocates RAM dataspaces (Genode's {@code Ram_allocator}): the PD session's RAM, or a guard in front
 * of it.
 *
 * @param <D> the dataspace handle, e.g. a RAM dataspace capability
 */
public interface RamAllocator<D> {
  /** Bytes per page: allocations are accounted in whole pages. */
  long PAGE_SIZE = 4096;

  /**
   * Allocates a dataspace of at least {@code size} bytes.
   *
   * @throws OutOfRam if the RAM quota does not cover the page-rounded size
   * @throws OutOfCaps if no capability is left for the dataspace
   * @throws IllegalArgumentException if {@code size} is not positive
   */
  D alloc(long size) throws OutOfRam, OutOfCaps;

  /** Frees {@code ds}; a dataspace this allocator did not hand out is left alone. */
  void free(D ds);

  /** Returns the size of {@code ds} in bytes. */
  long dataspaceSize(D ds);

  /** Returns {@code size} rounded up to whole pages. */
  static long pageAligned(long size) {
    return Math.ceilDiv(size, PAGE_SIZE) * PAGE_SIZE;
  }
}
