package io.github.genova.nova.api;

import java.lang.foreign.MemorySegment;

/**
 * An EC's view of its PD's virtual memory, for host code: reads and writes of virtual addresses go
 * through the PD's memory space, as machine code's would. A page the space cannot satisfy (absent, or
 * lacking the right) raises a page fault through the EC's page-fault portal (SEL_EVT + 0x0e) with the
 * error code in qual[0] and the address in qual[1]; the handler replies with memory delegate items and
 * the access is retried. Without a handler (or when its EC dies) the faulting EC is killed and its code
 * unwound. Values are little-endian; accesses may be unaligned and may cross pages.
 *
 * <p>Translations are cached in a software TLB per EC; every revocation that affects the PD invalidates
 * it. A page fault enters the kernel, so it is a point where the EC may be preempted; a TLB hit, or a miss
 * the memory space resolves, is not. Like the gate it comes from, a view is used only by the code of its
 * own EC.
 */
public interface MemoryView {
  /** Page-fault error code bit: the page was present (the fault is a protection violation). */
  int FAULT_PRESENT = 1;
  /** Page-fault error code bit: the access was a write. */
  int FAULT_WRITE = 2;
  /** Page-fault error code bit: the access came from user mode (always set for host code). */
  int FAULT_USER = 4;

  /** Reads the byte at {@code va}. */
  byte readByte(long va);

  /** Reads the 16-bit value at {@code va}. */
  short readShort(long va);

  /** Reads the 32-bit value at {@code va}. */
  int readInt(long va);

  /** Reads the 64-bit value at {@code va}. */
  long readLong(long va);

  /** Writes the byte at {@code va}. */
  void writeByte(long va, byte value);

  /** Writes the 16-bit value at {@code va}. */
  void writeShort(long va, short value);

  /** Writes the 32-bit value at {@code va}. */
  void writeInt(long va, int value);

  /** Writes the 64-bit value at {@code va}. */
  void writeLong(long va, long value);

  /** Copies {@code length} bytes from {@code va} into {@code dst[offset..]}. */
  void read(long va, byte[] dst, int offset, int length);

  /** Copies {@code length} bytes from {@code src[offset..]} to {@code va}. */
  void write(long va, byte[] src, int offset, int length);

  /**
   * Returns a segment over {@code [va, va + length)} for bulk access (framebuffers, blits), after faulting
   * in every page with read (and, if {@code writable}, write) permission. The segment stays valid while the
   * mapping does; it is not revoked with it, so use it for short-lived access.
   *
   * @throws IllegalArgumentException if the range is not backed by physically contiguous memory
   */
  MemorySegment segment(long va, long length, boolean writable);
}
