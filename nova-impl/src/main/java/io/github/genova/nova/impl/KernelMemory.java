package io.github.genova.nova.impl;

import io.github.genova.nova.api.Utcb;
import io.github.genova.platform.PhysicalMemory;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import org.jspecify.annotations.Nullable;

/**
 * The physical frames the kernel keeps for itself (UTCBs, the HIP): the top of RAM, reported as
 * hypervisor memory in the HIP and never given to the root task. Frames are zeroed when handed out.
 *
 * <p>A UTCB frame's contents live on the Java heap (a {@code long[]} of its 512 words), not in the
 * machine's RAM: every IPC copies UTCB words, and heap words copy several times faster than off-heap
 * ones. Host code sees the same words through the UTCB and through its PD's memory view (the kernel
 * resolves the frame to its heap page); devices never see them, as no device may touch hypervisor memory.
 */
final class KernelMemory {
  private final PhysicalMemory memory;
  private final long first;
  private final long end;
  private long next;
  private final ArrayDeque<Long> freed = new ArrayDeque<>();
  /** The heap pages of UTCB frames, by frame - first; null for other frames. Guarded by this. */
  private final long[] @Nullable [] words;
  /** Segment views of {@link #words}. Guarded by this. */
  private final @Nullable MemorySegment[] pages;

  /** Keeps frames {@code [first, end)} of {@code memory} for the kernel. */
  KernelMemory(PhysicalMemory memory, long first, long end) {
    this.memory = memory;
    this.first = first;
    this.end = end;
    this.next = first;
    this.words = new long[Math.toIntExact(end - first)][];
    this.pages = new MemorySegment[Math.toIntExact(end - first)];
  }

  /** Returns the first kernel frame. */
  long firstFrame() {
    return first;
  }

  /** Returns a zeroed frame of RAM, or -1 when the kernel's memory is exhausted. */
  synchronized long allocate() {
    long frame = take();
    if (frame >= 0) {
      memory.frame(frame).fill((byte) 0);
    }
    return frame;
  }

  /** Returns a zeroed UTCB frame whose words live on the heap ({@link #words}), or -1 when exhausted. */
  synchronized long allocateUtcb() {
    long frame = take();
    if (frame >= 0) {
      long[] page = new long[Utcb.SIZE / Long.BYTES];
      words[(int) (frame - first)] = page;
      pages[(int) (frame - first)] = MemorySegment.ofArray(page);
    }
    return frame;
  }

  private long take() {
    Long reused = freed.poll();
    if (reused != null) {
      return reused;
    }
    return next < end ? next++ : -1;
  }

  /** Returns the heap words of UTCB frame {@code frame}. */
  synchronized long[] words(long frame) {
    long[] page = frame >= first && frame < end ? words[(int) (frame - first)] : null;
    if (page == null) {
      throw new IllegalArgumentException("frame " + Long.toHexString(frame) + " is not a UTCB frame");
    }
    return page;
  }

  /** Returns the heap page of {@code frame} if it is a UTCB frame, else null (the frame is plain RAM). */
  @Nullable MemorySegment heapPage(long frame) {
    if (frame < first || frame >= end) {
      return null;
    }
    synchronized (this) {
      return pages[(int) (frame - first)];
    }
  }

  /** Returns how many frames are free (never handed out, or given back). */
  synchronized long available() {
    return end - next + freed.size();
  }

  /** Returns a frame to the pool. */
  synchronized void free(long frame) {
    words[(int) (frame - first)] = null;
    pages[(int) (frame - first)] = null;
    freed.push(frame);
  }
}
