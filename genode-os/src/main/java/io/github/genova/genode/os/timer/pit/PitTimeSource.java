package io.github.genova.genode.os.timer.pit;

import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.hw.Irq;

/**
 * The 8254 PIT as the timer's time source: channel 0 in mode 0 (interrupt on terminal count), binary,
 * LSB-then-MSB, clocked at {@link #FREQUENCY_HZ}. {@link #scheduleTimeout} programs one count of at most
 * {@link #MAX_TICKS} clocks and at least {@link #MIN_TIMEOUT_US} µs (at most 4000 interrupts a second);
 * IRQ 0 rises when it ends. The time is kept from the counter itself: a read-back command latches status
 * and count together, and the status's OUT bit tells whether the count has passed zero (in mode 0 the
 * counter wraps to 0xffff and keeps counting), so the clocks since the last programming are exact as long
 * as the counter is reprogrammed within 65536 clocks after it fired, which the interrupt handler does.
 * Each programming folds the clocks counted so far into the time, so only the few port writes between the
 * latch and the new load go uncounted.
 *
 * <p>Not thread-safe: the timeout scheduler serialises every use.
 */
public final class PitTimeSource {
  /** The counter's input clock, in Hz. */
  public static final long FREQUENCY_HZ = 1_193_182;
  /** The longest count one programming may take (the counter is 16 bits wide). */
  public static final int MAX_TICKS = 0xffff;
  /** The shortest timeout programmed, in µs: bounds the interrupt rate to 4000 a second. */
  public static final long MIN_TIMEOUT_US = 250;

  /** The first of the PIT's I/O ports (channel 0's counter). */
  public static final int IO_PORT_BASE = 0x40;
  /** How many I/O ports the PIT has from {@link #IO_PORT_BASE}: the three counters and the command port. */
  public static final int IO_PORT_COUNT = 4;
  /** The interrupt line of channel 0's OUT pin on a PC (ISA IRQ 0, GSI 0). */
  public static final int IRQ_LINE = 0;

  static final int PORT_CHANNEL_0 = IO_PORT_BASE;
  static final int PORT_COMMAND = 0x43;
  /** Channel 0, access LSB then MSB, mode 0, binary. */
  static final int COMMAND_CHANNEL_0_ONE_SHOT = 0x30;
  /** Read-back: latch count and status of channel 0. */
  static final int COMMAND_READ_BACK_CHANNEL_0 = 0xc2;
  /** Status: the OUT pin (in mode 0, set once the count reached zero). */
  static final int STATUS_OUT = 0x80;
  /** Status: a count was written but not yet loaded into the counting element. */
  static final int STATUS_NULL_COUNT = 0x40;

  private static final long MICROS_PER_SECOND = 1_000_000;

  private final IoPorts ports;
  private final Irq irq;
  /** Clocks counted before the current programming. */
  private long ticksBefore;
  /** The count of the current programming. */
  private int programmed;

  /**
   * Takes over channel 0 and starts it with the longest count, so that time is kept from now on.
   *
   * @param ports the PIT's ports 0x40-0x43
   * @param irq IRQ 0
   */
  public PitTimeSource(IoPorts ports, Irq irq) {
    this.ports = ports;
    this.irq = irq;
    program(MAX_TICKS);
  }

  /** Returns the longest timeout one programming covers, in µs (65535 clocks: 54 924 µs). */
  public long maxTimeoutUs() {
    return ticksToUs(MAX_TICKS);
  }

  /**
   * Programs a one-shot of {@code us} µs, clamped to [{@link #MIN_TIMEOUT_US}, {@link #maxTimeoutUs()}] and
   * rounded up to whole clocks, replacing the programmed one. Returns the clocks programmed.
   */
  public int scheduleTimeout(long us) {
    long clamped = Math.min(Math.max(us, MIN_TIMEOUT_US), maxTimeoutUs());
    int ticks = (int) Math.min(MAX_TICKS, Math.max(1, usToTicksCeil(clamped)));
    ticksBefore += ticksSinceProgramming();
    program(ticks);
    return ticks;
  }

  /** Returns the time since construction in PIT clocks; monotonic. */
  public long currentTicks() {
    return ticksBefore + ticksSinceProgramming();
  }

  /** Returns the time since construction in µs, rounded down; monotonic. */
  public long currentTimeUs() {
    return ticksToUs(currentTicks());
  }

  /** Blocks until IRQ 0: the programmed one-shot has ended (or an earlier one's interrupt was kept). */
  public void waitForIrq() {
    irq.waitForIrq();
  }

  /** Returns the count of the current programming, in clocks. */
  public int programmedTicks() {
    return programmed;
  }

  private void program(int ticks) {
    programmed = ticks;
    ports.outb(PORT_COMMAND, COMMAND_CHANNEL_0_ONE_SHOT);
    ports.outb(PORT_CHANNEL_0, ticks & 0xff);
    ports.outb(PORT_CHANNEL_0, ticks >>> 8);
  }

  /** Reads status and count together and returns the clocks counted since the current programming. */
  private long ticksSinceProgramming() {
    ports.outb(PORT_COMMAND, COMMAND_READ_BACK_CHANNEL_0);
    int status = ports.inb(PORT_CHANNEL_0);
    int count = ports.inb(PORT_CHANNEL_0) | ports.inb(PORT_CHANNEL_0) << 8;
    if ((status & STATUS_NULL_COUNT) != 0) {
      return 0; // the new count is not loaded yet
    }
    if ((status & STATUS_OUT) == 0) {
      return (long) programmed - count; // still counting down: count is 1..programmed
    }
    return (long) programmed + ((0x10000 - count) & 0xffff); // passed zero and wrapped to 0xffff, counting on
  }

  /** Returns the whole µs in {@code ticks} clocks; exact for every non-negative long. */
  public static long ticksToUs(long ticks) {
    return ticks / FREQUENCY_HZ * MICROS_PER_SECOND + ticks % FREQUENCY_HZ * MICROS_PER_SECOND / FREQUENCY_HZ;
  }

  /** Returns the clocks that cover {@code us} µs, rounded up. */
  public static long usToTicksCeil(long us) {
    long rest = us % MICROS_PER_SECOND * FREQUENCY_HZ;
    return us / MICROS_PER_SECOND * FREQUENCY_HZ + (rest + MICROS_PER_SECOND - 1) / MICROS_PER_SECOND;
  }
}
