package io.github.genova.genode.base.core.memory;

/**
 * A dataspace over physically contiguous frames of {@link PhysicalMemory}: RAM allocated through a PD session,
 * or a ROM module's copy (read-only for clients).
 *
 * @param physAddr the first physical address, page-aligned
 * @param size the size in bytes, a multiple of 4 KiB
 * @param writable whether clients may attach it writeable
 */
public record RamDataspace(long physAddr, long size, boolean writable) implements FrameDataspace {}
