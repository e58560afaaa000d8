package io.github.genova.platform.device.pit;

import io.github.genova.platform.Clock;
import io.github.genova.platform.Deadline;
import io.github.genova.platform.IrqLine;
import org.jspecify.annotations.Nullable;

/**
 * One 8254 counter: its control state (access mode, counting mode, BCD), the byte sequencing of reads
 * and writes, the count and status latches, and the counting element as a function of time since the
 * count was loaded. Channel 0 also owns the deadline that produces IRQ 0. Not thread-safe: the
 * {@link Pit8254} serialises access.
 */
final class PitChannel {
  static final int ACCESS_LATCH = 0;
  static final int ACCESS_LSB = 1;
  static final int ACCESS_MSB = 2;
  static final int ACCESS_WORD = 3;

  private final Clock clock;
  private final @Nullable IrqLine irq;
  private @Nullable Deadline edge;
  private long nextEdgeTick;

  int mode;
  boolean bcd;
  int access = ACCESS_WORD;
  /** The programmed count as a number of input clocks (1..65536, or 1..10000 in BCD). */
  int count = 0x10000;
  private boolean loaded;
  /**
   * The input clock (counted from machine time zero) at which the current counting stretch began: all
   * channels count on one clock grid, so a count loaded between two clocks starts at the next one.
   */
  private long loadTick;
  /** Input clocks counted before the current stretch (a low gate paused modes 0 and 4). */
  private long pausedTicks;
  /** A count written while a periodic mode was counting, taken at {@link #pendingAtTick}; 0 if none. */
  private int pendingCount;
  private long pendingAtTick;
  /** Whether the counting element is counting now (loaded, and the gate allows it). */
  private boolean counting;
  boolean gate;
  private boolean nullCount = true;

  private boolean writeMsbNext;
  private int writeLsb;
  private boolean readMsbNext;
  private int latchedCount;
  private int latchedBytes; // 0: no count latched; else how many bytes of it remain to be read
  private int latchedStatus = -1;

  PitChannel(Clock clock, @Nullable IrqLine irq, boolean gate) {
    this.clock = clock;
    this.irq = irq;
    this.gate = gate;
  }

  void setEdgeDeadline(Deadline d) {
    this.edge = d;
  }

  /** A control word that selects this channel with access mode {@code rw} (not a latch command). */
  void control(int rw, int newMode, boolean newBcd) {
    access = rw;
    mode = newMode > 5 ? newMode - 4 : newMode;
    bcd = newBcd;
    writeMsbNext = false;
    readMsbNext = false;
    loaded = false;
    counting = false;
    pendingCount = 0;
    nullCount = true;
    cancelEdge();
    if (irq != null) {
      irq.lower(); // mode 0 drives OUT low; the other modes' rising edges are sent as pulses
    }
  }

  /** Counter latch command: freezes the current count for reading, unless one is already latched. */
  void latchCount() {
    if (latchedBytes == 0) {
      latchedCount = toRegister(currentCount(clock.nanos()));
      latchedBytes = access == ACCESS_WORD ? 2 : 1;
    }
  }

  /** Read-back with STATUS: freezes the status byte, unless one is already latched. */
  void latchStatus() {
    if (latchedStatus < 0) {
      long now = clock.nanos();
      latchedStatus = (out(now) ? 0x80 : 0) | (nullCount ? 0x40 : 0) | access << 4 | mode << 1 | (bcd ? 1 : 0);
    }
  }

  int read() {
    if (latchedStatus >= 0) {
      int s = latchedStatus;
      latchedStatus = -1;
      return s;
    }
    if (latchedBytes > 0) {
      int v = switch (access) {
        case ACCESS_LSB -> latchedCount & 0xff;
        case ACCESS_MSB -> latchedCount >>> 8;
        default -> latchedBytes == 2 ? latchedCount & 0xff : latchedCount >>> 8;
      };
      latchedBytes--;
      return v;
    }
    int c = toRegister(currentCount(clock.nanos()));
    return switch (access) {
      case ACCESS_LSB -> c & 0xff;
      case ACCESS_MSB -> c >>> 8;
      default -> {
        boolean msb = readMsbNext;
        readMsbNext = !readMsbNext;
        yield msb ? c >>> 8 : c & 0xff;
      }
    };
  }

  void write(int value) {
    int v = value & 0xff;
    switch (access) {
      case ACCESS_LSB -> load(v);
      case ACCESS_MSB -> load(v << 8);
      default -> {
        if (writeMsbNext) {
          load(writeLsb | v << 8);
        } else {
          writeLsb = v;
        }
        writeMsbNext = !writeMsbNext;
      }
    }
  }

  private void load(int register) {
    int n = bcd ? fromBcd(register) : register;
    int newCount = n == 0 ? (bcd ? 10_000 : 0x10000) : n;
    long now = clock.nanos();
    if ((mode == 2 || mode == 3) && counting) {
      // a running periodic counter takes the new count at its next reload, ending the current period
      applyPendingReload(now);
      pendingCount = newCount;
      pendingAtTick = loadTick + (ticksCounted(now) / count + 1) * count;
      nullCount = false;
      return;
    }
    pendingCount = 0;
    count = newCount;
    loadTick = Pit8254.ticks(now);
    pausedTicks = 0;
    loaded = true;
    counting = gate || mode == 1 || mode == 5; // modes 1 and 5 count once triggered; the gate only retriggers
    nullCount = false;
    if (irq != null && mode == 0) {
      irq.lower();
    }
    scheduleFirstEdge();
  }

  /**
   * The gate input changed. A low gate pauses counting in modes 0 and 4 and stops it (OUT high) in modes
   * 2 and 3; a rising edge resumes modes 0 and 4 and restarts modes 1, 2, 3 and 5 from the full count.
   */
  void setGate(boolean high) {
    if (high == gate) {
      return;
    }
    gate = high;
    if (!loaded) {
      return;
    }
    long now = clock.nanos();
    applyPendingReload(now);
    if (!high) {
      if (mode == 0 || mode == 2 || mode == 3 || mode == 4) {
        pausedTicks = ticksCounted(now);
        counting = false;
        cancelEdge();
      }
      return;
    }
    if (mode != 0 && mode != 4) {
      pausedTicks = 0; // retrigger: start over from the full count (a pending one, if written)
      if (pendingCount != 0) {
        count = pendingCount;
        pendingCount = 0;
      }
    }
    loadTick = Pit8254.ticks(now);
    counting = true;
    scheduleFirstEdge();
  }

  /** Takes a pending count once its reload has come: the next period starts from it. */
  private void applyPendingReload(long now) {
    if (pendingCount != 0 && counting && Pit8254.ticks(now) >= pendingAtTick) {
      count = pendingCount;
      loadTick = pendingAtTick;
      pausedTicks = 0;
      pendingCount = 0;
    }
  }

  /** Returns input clocks counted since the count was loaded, pauses excluded. */
  private long ticksCounted(long now) {
    return counting ? pausedTicks + Pit8254.ticks(now) - loadTick : pausedTicks;
  }

  /** Returns the counting element's value (1..65536 semantics folded to 16 bits) at {@code now}. */
  int currentCount(long now) {
    if (!loaded) {
      return count & 0xffff;
    }
    applyPendingReload(now);
    long d = ticksCounted(now);
    long c = switch (mode) {
      case 2 -> count - d % count;
      case 3 -> count - (2 * d) % count;
      default -> count - d;
    };
    return (int) (bcd ? Math.floorMod(c, 10_000L) : c & 0xffff);
  }

  /** Returns the OUT pin at {@code now}. */
  boolean out(long now) {
    if (!loaded) {
      return mode != 0;
    }
    if (!gate && (mode == 2 || mode == 3)) {
      return true; // a low gate forces OUT high in the periodic modes
    }
    applyPendingReload(now);
    long d = ticksCounted(now);
    return switch (mode) {
      case 0 -> d >= count;
      case 1 -> d >= count;
      case 2 -> d % count != count - 1;
      case 3 -> d % count < (count + 1) / 2;
      default -> d != count; // 4, 5: one clock low at the terminal count
    };
  }

  private void scheduleFirstEdge() {
    if (edge == null || !counting) {
      return;
    }
    nextEdgeTick = switch (mode) {
      case 4, 5 -> count + 1L;
      default -> count;
    };
    if (nextEdgeTick <= pausedTicks) {
      return; // a one-shot mode resumed after its terminal count: no further edge
    }
    armEdge();
  }

  private void armEdge() {
    Deadline d = edge;
    if (d != null) {
      d.arm(Pit8254.nanosForTicks(loadTick + nextEdgeTick - pausedTicks));
    }
  }

  private void cancelEdge() {
    Deadline d = edge;
    if (d != null) {
      d.cancel();
    }
  }

  /** Channel 0's deadline fell due: OUT had a rising edge. */
  void edgeDue() {
    IrqLine line = irq;
    if (line == null || !counting) {
      return;
    }
    switch (mode) {
      case 0, 1 -> line.raise(); // OUT stays high until the channel is reprogrammed
      case 2, 3 -> {
        line.pulse();
        long now = clock.nanos();
        applyPendingReload(now);
        // the next edge after now; when late (real time) the edges that passed are lost, as a PIC loses them
        nextEdgeTick = (ticksCounted(now) / count + 1) * count;
        armEdge();
      }
      default -> line.pulse();
    }
  }

  private int toRegister(int value) {
    return bcd ? toBcd(value) : value;
  }

  static int toBcd(int v) {
    return (v / 1000 % 10) << 12 | (v / 100 % 10) << 8 | (v / 10 % 10) << 4 | v % 10;
  }

  static int fromBcd(int v) {
    return ((v >>> 12) & 0xf) * 1000 + ((v >>> 8) & 0xf) * 100 + ((v >>> 4) & 0xf) * 10 + (v & 0xf);
  }
}
