package io.github.genova.platform.device.rtc;

import io.github.genova.platform.Clock;
import io.github.genova.platform.Deadline;
import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.IrqLine;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * CMOS RAM (128 bytes) with an MC146818-style real-time clock. The calendar is derived from the machine
 * clock: a start time plus elapsed machine nanoseconds, so in virtual time it is as deterministic as the
 * clock (the default start is {@link #DEFAULT_VIRTUAL_START}; a real-time machine starts at the host's
 * time). Guests set the time with register B's SET bit as on the real part. Periodic, alarm and
 * update-ended events are deadlines on the machine clock and raise IRQ 8 until register C is read.
 *
 * <p>The memory bytes follow the PC BIOS convention: 0x15/0x16 base memory (640 KiB), 0x17/0x18 and
 * 0x30/0x31 KiB above 1 MiB (at most 0xFFFF), 0x34/0x35 64 KiB blocks above 16 MiB, 0x5B-0x5D 64 KiB blocks
 * above 4 GiB, and 0x5F the CPU count minus one, as QEMU provides them to SeaBIOS. Thread-safe.
 */
public final class CmosRtc implements PortDevice {
  /** The calendar time a virtual-time machine's RTC starts at: 2026-01-01 00:00:00 UTC. */
  public static final long DEFAULT_VIRTUAL_START = LocalDateTime.of(2026, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);

  static final int SECONDS = 0x00;
  static final int SECONDS_ALARM = 0x01;
  static final int MINUTES = 0x02;
  static final int MINUTES_ALARM = 0x03;
  static final int HOURS = 0x04;
  static final int HOURS_ALARM = 0x05;
  static final int DAY_OF_WEEK = 0x06;
  static final int DAY_OF_MONTH = 0x07;
  static final int MONTH = 0x08;
  static final int YEAR = 0x09;
  static final int REG_A = 0x0a;
  static final int REG_B = 0x0b;
  static final int REG_C = 0x0c;
  static final int REG_D = 0x0d;
  static final int CENTURY = 0x32;

  private static final int A_UIP = 0x80;
  private static final int B_SET = 0x80;
  private static final int B_PIE = 0x40;
  private static final int B_AIE = 0x20;
  private static final int B_UIE = 0x10;
  private static final int B_BINARY = 0x04;
  private static final int B_24H = 0x02;
  private static final int C_IRQF = 0x80;
  private static final int C_PF = 0x40;
  private static final int C_AF = 0x20;
  private static final int C_UF = 0x10;

  private static final long NANOS = 1_000_000_000L;
  /** The update cycle takes 244 µs before the second ends; UIP is set during it. */
  private static final long UIP_NANOS = 244_000;

  private final Clock clock;
  private final IrqLine irq;
  private final Deadline event;
  private final int[] cmos = new int[128];
  private int index;
  private boolean nmiMasked;
  /** Calendar seconds at clock time {@link #baseNanos}. */
  private long baseSeconds;
  private long baseNanos;
  /** While SET is on: the calendar as the guest is writing it. */
  private LocalDateTime frozen = LocalDateTime.MIN;
  private long lastPeriodicTick;
  private long lastSecond;

  private CmosRtc(Machine machine, long startEpochSeconds) {
    this.clock = machine.clock();
    this.irq = machine.isa().line(8);
    this.event = machine.deadlines().create("RTC", this::eventDue);
    this.baseSeconds = startEpochSeconds;
    this.baseNanos = clock.nanos();
    cmos[REG_A] = 0x26;
    cmos[REG_B] = B_24H;
    cmos[REG_D] = 0x80;
    fillBiosBytes(machine);
    lastSecond = secondsAt(baseNanos);
    lastPeriodicTick = ticks32k(baseNanos);
  }

  /**
   * Attaches CMOS/RTC to {@code machine} at ports 0x70-0x71 with IRQ 8; the calendar starts at
   * {@link #DEFAULT_VIRTUAL_START} in virtual time and at the host's current time in real time.
   */
  public static CmosRtc attach(Machine machine) {
    long start = machine.clock().isVirtual() ? DEFAULT_VIRTUAL_START : Instant.now().getEpochSecond();
    return attachAt(start).attach(machine);
  }

  /** Returns a factory for CMOS/RTC whose calendar starts at {@code epochSeconds} (UTC). */
  public static DeviceFactory<CmosRtc> attachAt(long epochSeconds) {
    return machine -> {
      CmosRtc rtc = new CmosRtc(machine, epochSeconds);
      machine.ports().claim(0x70, 2, rtc);
      return rtc;
    };
  }

  private void fillBiosBytes(Machine machine) {
    long ram = machine.memory().size();
    long low = Math.min(ram, 1L << 32);
    long high = ram - low;
    put16(0x15, 640);
    long extendedKib = Math.min(0xffff, Math.max(0, (low - (1 << 20)) >> 10));
    put16(0x17, (int) extendedKib);
    put16(0x30, (int) extendedKib);
    put16(0x34, (int) Math.min(0xffff, Math.max(0, (low - (16 << 20)) >> 16)));
    long highBlocks = high >> 16;
    cmos[0x5b] = (int) (highBlocks & 0xff);
    cmos[0x5c] = (int) ((highBlocks >> 8) & 0xff);
    cmos[0x5d] = (int) ((highBlocks >> 16) & 0xff);
    cmos[0x5f] = machine.cpuCount() - 1;
    cmos[0x14] = 0x02; // equipment: FPU present, EGA/VGA display, no floppy
    int sum = 0;
    for (int i = 0x10; i <= 0x2d; i++) {
      sum += cmos[i];
    }
    put16Be(0x2e, sum & 0xffff);
  }

  private void put16(int at, int value) {
    cmos[at] = value & 0xff;
    cmos[at + 1] = (value >> 8) & 0xff;
  }

  private void put16Be(int at, int value) {
    cmos[at] = (value >> 8) & 0xff;
    cmos[at + 1] = value & 0xff;
  }

  @Override
  public synchronized int in(int port, int size) {
    if (port == 0x70) {
      return index | (nmiMasked ? 0x80 : 0);
    }
    return read(index);
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    if (port == 0x70) {
      index = value & 0x7f;
      nmiMasked = (value & 0x80) != 0;
    } else {
      write(index, value & 0xff);
    }
  }

  /** Returns whether the last write to port 0x70 masked NMIs (bit 7). */
  public synchronized boolean nmiMasked() {
    return nmiMasked;
  }

  /** Returns CMOS byte {@code register} as the guest would read it (time registers included). */
  public synchronized int read(int register) {
    long now = clock.nanos();
    return switch (register) {
      case SECONDS, MINUTES, HOURS, DAY_OF_WEEK, DAY_OF_MONTH, MONTH, YEAR, CENTURY -> timeField(register, calendar(now));
      case REG_A -> cmos[REG_A] | (uip(now) ? A_UIP : 0);
      case REG_C -> {
        latchFlags(now);
        int c = cmos[REG_C];
        cmos[REG_C] = 0;
        irq.lower();
        yield c;
      }
      default -> cmos[register & 0x7f];
    };
  }

  /** Writes CMOS byte {@code register} as the guest would. */
  public synchronized void write(int register, int value) {
    long now = clock.nanos();
    switch (register) {
      case SECONDS, MINUTES, HOURS, DAY_OF_WEEK, DAY_OF_MONTH, MONTH, YEAR, CENTURY -> {
        LocalDateTime t = withField(calendar(now), register, value);
        if ((cmos[REG_B] & B_SET) != 0) {
          frozen = t;
        } else {
          setCalendar(t, now);
        }
      }
      case REG_A -> {
        cmos[REG_A] = value & 0x7f;
        reschedule(now);
      }
      case REG_B -> {
        int old = cmos[REG_B];
        int b = value;
        if ((b & B_SET) != 0) {
          b &= ~B_UIE;
          if ((old & B_SET) == 0) {
            frozen = calendar(now);
          }
        } else if ((old & B_SET) != 0) {
          setCalendar(frozen, now);
        }
        cmos[REG_B] = b;
        reschedule(now);
      }
      case REG_C, REG_D -> {} // read-only
      default -> cmos[register & 0x7f] = value;
    }
  }

  private void setCalendar(LocalDateTime t, long now) {
    baseSeconds = t.toEpochSecond(ZoneOffset.UTC);
    baseNanos = now;
    lastSecond = secondsAt(now);
    reschedule(now);
  }

  private long secondsAt(long now) {
    return baseSeconds + Math.floorDiv(now - baseNanos, NANOS);
  }

  private LocalDateTime calendar(long now) {
    if ((cmos[REG_B] & B_SET) != 0) {
      return frozen;
    }
    return LocalDateTime.ofEpochSecond(secondsAt(now), 0, ZoneOffset.UTC);
  }

  private boolean uip(long now) {
    if ((cmos[REG_B] & B_SET) != 0 || (cmos[REG_A] & 0x70) != 0x20) {
      return false;
    }
    return Math.floorMod(now - baseNanos, NANOS) >= NANOS - UIP_NANOS;
  }

  private int timeField(int register, LocalDateTime t) {
    return switch (register) {
      case SECONDS -> encode(t.getSecond());
      case MINUTES -> encode(t.getMinute());
      case HOURS -> encodeHour(t.getHour());
      case DAY_OF_WEEK -> encode(t.getDayOfWeek().getValue() % 7 + 1);
      case DAY_OF_MONTH -> encode(t.getDayOfMonth());
      case MONTH -> encode(t.getMonthValue());
      case YEAR -> encode(t.getYear() % 100);
      default -> encode(t.getYear() / 100);
    };
  }

  private LocalDateTime withField(LocalDateTime t, int register, int raw) {
    try {
      return switch (register) {
        case SECONDS -> t.withSecond(decode(raw));
        case MINUTES -> t.withMinute(decode(raw));
        case HOURS -> t.withHour(decodeHour(raw));
        case DAY_OF_MONTH -> t.withDayOfMonth(decode(raw));
        case MONTH -> t.withMonth(decode(raw));
        case YEAR -> t.withYear(t.getYear() / 100 * 100 + decode(raw));
        case CENTURY -> t.withYear(decode(raw) * 100 + t.getYear() % 100);
        default -> t; // the day of the week follows from the date
      };
    } catch (DateTimeException e) {
      return t; // an impossible date is not taken, as the part would count garbage: keep the calendar sane
    }
  }

  private boolean binary() {
    return (cmos[REG_B] & B_BINARY) != 0;
  }

  private int encode(int v) {
    return binary() ? v : (v / 10) << 4 | v % 10;
  }

  private int decode(int raw) {
    return binary() ? raw : (raw >> 4) * 10 + (raw & 0xf);
  }

  private int encodeHour(int h) {
    if ((cmos[REG_B] & B_24H) != 0) {
      return encode(h);
    }
    int twelve = h % 12 == 0 ? 12 : h % 12;
    return encode(twelve) | (h >= 12 ? 0x80 : 0);
  }

  private int decodeHour(int raw) {
    if ((cmos[REG_B] & B_24H) != 0) {
      return decode(raw);
    }
    int h = decode(raw & 0x7f) % 12;
    return (raw & 0x80) != 0 ? h + 12 : h;
  }

  /** Returns the periodic interrupt period in 32.768 kHz ticks, or 0 when off. */
  private int periodTicks() {
    int rate = cmos[REG_A] & 0x0f;
    if (rate == 0 || (cmos[REG_A] & 0x70) != 0x20) {
      return 0;
    }
    return rate <= 2 ? 1 << (rate + 6) : 1 << (rate - 1);
  }

  private static long ticks32k(long nanos) {
    return Math.floorDiv(nanos, NANOS) * 32_768 + Math.floorMod(nanos, NANOS) * 32_768 / NANOS;
  }

  private static long nanosFor32k(long ticks) {
    return ticks / 32_768 * NANOS + (ticks % 32_768 * NANOS + 32_767) / 32_768;
  }

  /** Sets PF/UF (and AF) for the events that passed since they were last latched. */
  private void latchFlags(long now) {
    int period = periodTicks();
    long tick = ticks32k(now);
    if (period != 0 && tick / period > lastPeriodicTick / period) {
      cmos[REG_C] |= C_PF;
    }
    lastPeriodicTick = tick;
    if ((cmos[REG_B] & B_SET) == 0) {
      long second = secondsAt(now);
      if (second > lastSecond) {
        cmos[REG_C] |= C_UF;
        if (alarmMatches(LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC))) {
          cmos[REG_C] |= C_AF;
        }
      }
      lastSecond = second;
    }
    int b = cmos[REG_B];
    int c = cmos[REG_C];
    if (((c & C_PF) != 0 && (b & B_PIE) != 0)
        || ((c & C_AF) != 0 && (b & B_AIE) != 0)
        || ((c & C_UF) != 0 && (b & B_UIE) != 0)) {
      cmos[REG_C] |= C_IRQF;
      irq.raise();
    }
  }

  private boolean alarmMatches(LocalDateTime t) {
    return alarmField(SECONDS_ALARM, timeField(SECONDS, t))
        && alarmField(MINUTES_ALARM, timeField(MINUTES, t))
        && alarmField(HOURS_ALARM, timeField(HOURS, t));
  }

  private boolean alarmField(int register, int current) {
    int alarm = cmos[register];
    return (alarm & 0xc0) == 0xc0 || alarm == current;
  }

  private void eventDue() {
    synchronized (this) {
      long now = clock.nanos();
      latchFlags(now);
      reschedule(now);
    }
  }

  private void reschedule(long now) {
    long next = Long.MAX_VALUE;
    int b = cmos[REG_B];
    int period = periodTicks();
    if ((b & B_PIE) != 0 && period != 0) {
      next = nanosFor32k((ticks32k(now) / period + 1) * period);
    }
    if ((b & (B_UIE | B_AIE)) != 0 && (b & B_SET) == 0) {
      long sinceBase = now - baseNanos;
      next = Math.min(next, baseNanos + (Math.floorDiv(sinceBase, NANOS) + 1) * NANOS);
    }
    if (next == Long.MAX_VALUE) {
      event.cancel();
    } else {
      event.arm(next);
    }
  }

  @Override
  public String toString() {
    return "CMOS RTC";
  }
}
