package io.github.genova.nova.impl;

import io.github.genova.platform.PhysicalMemory;
import java.util.ArrayDeque;

/**
 * The physical frames the kernel keeps for itself (UTCBs, the HIP): the top of RAM, reported as
 * hypervisor memory in the HIP and never given to the root task. Frames are zeroed when handed out.
 */
final class KernelMemory {
  private final PhysicalMemory memory;
  private final long first;
  private final long end;
  private long next;
  private final ArrayDeque<Long> freed = new ArrayDeque<>();

  /** Keeps frames {@code [first, end)} of {@code memory} for the kernel. */
  KernelMemory(PhysicalMemory memory, long first, long end) {
    this.memory = memory;
    this.first = first;
    this.end = end;
    this.next = first;
  }

  /** Returns the first kernel frame. */
  long firstFrame() {
    return first;
  }

  /** Returns a zeroed frame, or -1 when the kernel's memory is exhausted. */
  synchronized long allocate() {
    Long reused = freed.poll();
    long frame;
    if (reused != null) {
      frame = reused;
    } else if (next < end) {
      frame = next++;
    } else {
      return -1;
    }
    memory.frame(frame).fill((byte) 0);
    return frame;
  }

  /** Returns how many frames are free (never handed out, or given back). */
  synchronized long available() {
    return end - next + freed.size();
  }

  /** Returns a frame to the pool. */
  synchronized void free(long frame) {
    freed.push(frame);
  }
}
