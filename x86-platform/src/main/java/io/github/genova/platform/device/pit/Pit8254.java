package io.github.genova.platform.device.pit;

import io.github.genova.platform.Clock;
import io.github.genova.platform.Deadline;
import io.github.genova.platform.IrqLine;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import org.jspecify.annotations.Nullable;

/**
 * The 8254 PIT at ports 0x40-0x43: three counters clocked at {@link #FREQUENCY_HZ}, each programmable in
 * modes 0-5 with LSB, MSB or LSB-then-MSB access, binary or BCD, plus the counter latch and read-back
 * commands. Channel 0's output drives ISA IRQ 0; channel 2's gate and output are wired to system control
 * port B ({@link SystemControlPortB}). Counts and outputs are functions of the machine clock, and each
 * rising edge of channel 0's output is a deadline on it, so in virtual time IRQ 0 fires at exactly the
 * instants the programmed period gives. A count written while modes 2 or 3 run takes effect at the next
 * reload. The gate pauses modes 0 and 4, stops modes 2 and 3 with OUT high,
 * and its rising edge retriggers modes 1, 2, 3 and 5. Thread-safe.
 */
public final class Pit8254 implements PortDevice {
  /** The counters' input clock, in Hz. */
  public static final long FREQUENCY_HZ = 1_193_182;

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final Clock clock;
  private final PitChannel[] channels;

  private Pit8254(Clock clock, @Nullable IrqLine irq0) {
    this.clock = clock;
    this.channels = new PitChannel[] {
      new PitChannel(clock, irq0, true), new PitChannel(clock, null, true), new PitChannel(clock, null, false)
    };
  }

  /** Attaches a PIT to {@code machine}: ports 0x40-0x43, IRQ 0, and a deadline for channel 0. */
  public static Pit8254 attach(Machine machine) {
    Pit8254 pit = new Pit8254(machine.clock(), machine.isa().line(0));
    Deadline edge = machine.deadlines().create("PIT channel 0", pit::channel0Edge);
    pit.channels[0].setEdgeDeadline(edge);
    machine.ports().claim(0x40, 4, pit);
    return pit;
  }

  private synchronized void channel0Edge() {
    channels[0].edgeDue();
  }

  @Override
  public synchronized int in(int port, int size) {
    int index = port - 0x40;
    return index < 3 ? channels[index].read() : 0xff; // the control word register cannot be read
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    int index = port - 0x40;
    if (index < 3) {
      channels[index].write(value);
      return;
    }
    int select = (value >>> 6) & 3;
    if (select == 3) { // read-back command
      for (int c = 0; c < 3; c++) {
        if ((value & (2 << c)) != 0) {
          if ((value & 0x20) == 0) {
            channels[c].latchCount();
          }
          if ((value & 0x10) == 0) {
            channels[c].latchStatus();
          }
        }
      }
      return;
    }
    int rw = (value >>> 4) & 3;
    if (rw == PitChannel.ACCESS_LATCH) {
      channels[select].latchCount();
    } else {
      channels[select].control(rw, (value >>> 1) & 7, (value & 1) != 0);
    }
  }

  /** Sets channel 2's gate (system control port B, bit 0). */
  synchronized void setGate2(boolean high) {
    channels[2].setGate(high);
  }

  /** Returns channel 2's gate. */
  synchronized boolean gate2() {
    return channels[2].gate;
  }

  /** Returns channel {@code channel}'s OUT pin now. */
  public synchronized boolean out(int channel) {
    return channels[channel].out(clock.nanos());
  }

  /** Returns channel {@code channel}'s counting element now, as the hardware would latch it (binary). */
  public synchronized int count(int channel) {
    return channels[channel].currentCount(clock.nanos());
  }

  /** Returns channel {@code channel}'s programmed mode (0-5). */
  public synchronized int mode(int channel) {
    return channels[channel].mode;
  }

  /** Returns channel {@code channel}'s programmed reload value in input clocks (1..65536). */
  public synchronized int reload(int channel) {
    return channels[channel].count;
  }

  /** Returns the input clocks in {@code nanos} nanoseconds, rounded down; exact for any long. */
  public static long ticks(long nanos) {
    return nanos / NANOS_PER_SECOND * FREQUENCY_HZ + nanos % NANOS_PER_SECOND * FREQUENCY_HZ / NANOS_PER_SECOND;
  }

  /** Returns the first nanosecond at which {@code ticks} input clocks have elapsed (the inverse of {@link #ticks}). */
  public static long nanosForTicks(long ticks) {
    long rest = ticks % FREQUENCY_HZ * NANOS_PER_SECOND;
    return ticks / FREQUENCY_HZ * NANOS_PER_SECOND + (rest + FREQUENCY_HZ - 1) / FREQUENCY_HZ;
  }

  @Override
  public String toString() {
    return "8254 PIT";
  }
}
