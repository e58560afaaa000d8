package io.github.genova.platform.device.rtc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.Machine;
import io.github.genova.platform.VirtualClock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CmosRtcTest {
  private static final long START = LocalDateTime.of(2024, 2, 29, 23, 59, 58).toEpochSecond(ZoneOffset.UTC);

  private Machine machine(long ram) {
    return Machine.builder().ram(ram).cpus(4).device(CmosRtc.attachAt(START)).build();
  }

  private static int cmos(Machine m, int register) {
    m.ports().out(0x70, 1, register);
    return m.ports().in(0x71, 1);
  }

  private static void cmosWrite(Machine m, int register, int value) {
    m.ports().out(0x70, 1, register);
    m.ports().out(0x71, 1, value);
  }

  @Test
  void memorySizeBytesComeFromTheMachinesRam() {
    Machine m = machine(64L << 20);
    assertThat(cmos(m, 0x15) | cmos(m, 0x16) << 8).isEqualTo(640);
    assertThat(cmos(m, 0x17) | cmos(m, 0x18) << 8).isEqualTo(63 * 1024);
    assertThat(cmos(m, 0x30) | cmos(m, 0x31) << 8).isEqualTo(63 * 1024);
    assertThat(cmos(m, 0x34) | cmos(m, 0x35) << 8).isEqualTo((48 << 20) >> 16);
    assertThat(cmos(m, 0x5b) | cmos(m, 0x5c) | cmos(m, 0x5d)).isZero();
    assertThat(cmos(m, 0x5f)).isEqualTo(3);
  }

  @Test
  void extendedMemoryBytesSaturateAndHighMemoryIsCounted() {
    Machine m = machine((4L << 30) + (128L << 20));
    assertThat(cmos(m, 0x17) | cmos(m, 0x18) << 8).isEqualTo(0xffff);
    assertThat(cmos(m, 0x34) | cmos(m, 0x35) << 8).isEqualTo(((4L << 30) - (16 << 20)) >> 16);
    assertThat(cmos(m, 0x5b) | cmos(m, 0x5c) << 8 | cmos(m, 0x5d) << 16).isEqualTo((128 << 20) >> 16);
  }

  @Test
  void checksumCoversBytes10To2d() {
    Machine m = machine(32L << 20);
    int sum = 0;
    for (int r = 0x10; r <= 0x2d; r++) {
      sum += cmos(m, r);
    }
    assertThat(cmos(m, 0x2e) << 8 | cmos(m, 0x2f)).isEqualTo(sum);
  }

  @Test
  void timeReadsInBcdAndAdvancesWithTheClockAcrossALeapDay() {
    Machine m = machine(16L << 20);
    assertThat(cmos(m, 0x00)).isEqualTo(0x58);
    assertThat(cmos(m, 0x04)).isEqualTo(0x23);
    assertThat(cmos(m, 0x07)).isEqualTo(0x29);
    assertThat(cmos(m, 0x08)).isEqualTo(0x02);
    assertThat(cmos(m, 0x09)).isEqualTo(0x24);
    assertThat(cmos(m, 0x32)).isEqualTo(0x20);
    assertThat(cmos(m, 0x06)).isEqualTo(5); // Thursday
    ((VirtualClock) m.clock()).advanceBy(3_000_000_000L);
    assertThat(cmos(m, 0x00)).isEqualTo(0x01);
    assertThat(cmos(m, 0x07)).isEqualTo(0x01);
    assertThat(cmos(m, 0x08)).isEqualTo(0x03);
  }

  @Test
  void binaryAnd12HourFormatsFollowRegisterB() {
    Machine m = machine(16L << 20);
    cmosWrite(m, 0x0b, 0x04); // binary, 12-hour
    assertThat(cmos(m, 0x00)).isEqualTo(58);
    assertThat(cmos(m, 0x04)).isEqualTo(0x80 | 11);
    cmosWrite(m, 0x0b, 0x00); // BCD, 12-hour
    assertThat(cmos(m, 0x04)).isEqualTo(0x91);
  }

  @Test
  void setBitFreezesTheClockAndTakesTheWrittenTime() {
    Machine m = machine(16L << 20);
    cmosWrite(m, 0x0b, 0x82); // SET, 24h, BCD
    cmosWrite(m, 0x04, 0x08);
    cmosWrite(m, 0x02, 0x30);
    cmosWrite(m, 0x00, 0x00);
    ((VirtualClock) m.clock()).advanceBy(5_000_000_000L);
    assertThat(cmos(m, 0x00)).isZero(); // frozen
    cmosWrite(m, 0x0b, 0x02);
    ((VirtualClock) m.clock()).advanceBy(2_000_000_000L);
    assertThat(cmos(m, 0x04)).isEqualTo(0x08);
    assertThat(cmos(m, 0x02)).isEqualTo(0x30);
    assertThat(cmos(m, 0x00)).isEqualTo(0x02);
  }

  @Test
  void updateInProgressOnlyInTheLast244MicrosecondsOfASecond() {
    Machine m = machine(16L << 20);
    VirtualClock clock = (VirtualClock) m.clock();
    assertThat(cmos(m, 0x0a) & 0x80).isZero();
    clock.advanceTo(999_800_000L);
    assertThat(cmos(m, 0x0a) & 0x80).isEqualTo(0x80);
    clock.advanceTo(1_000_000_000L);
    assertThat(cmos(m, 0x0a) & 0x80).isZero();
  }

  @Test
  void periodicInterruptAt1024HzRaisesIrq8UntilRegisterCIsRead() {
    Machine m = machine(16L << 20);
    List<Long> irq8 = new ArrayList<>();
    m.interrupts().attach(gsi -> {
      if (gsi == 8) {
        irq8.add(m.clock().nanos());
      }
    });
    cmosWrite(m, 0x0a, 0x26); // 1024 Hz
    cmosWrite(m, 0x0b, 0x42); // PIE
    m.deadlines().runUntil(976_563);
    assertThat(irq8).containsExactly(976_563L);
    m.deadlines().runUntil(3_000_000);
    assertThat(irq8).hasSize(1); // the line stays high until C is read
    assertThat(cmos(m, 0x0c) & 0xc0).isEqualTo(0xc0);
    assertThat(m.isa().isHigh(8)).isFalse();
    m.deadlines().runUntil(3_000_000 + 976_563);
    assertThat(irq8).hasSize(2);
  }

  @Test
  void updateEndedAndAlarmInterrupts() {
    Machine m = machine(16L << 20);
    cmosWrite(m, 0x01, 0x00);
    cmosWrite(m, 0x03, 0x00);
    cmosWrite(m, 0x05, 0xc0); // any hour, minute 00, second 00
    cmosWrite(m, 0x0b, 0x32); // AIE | UIE
    m.deadlines().runUntil(1_000_000_000L);
    // PF is set too (the periodic rate runs without PIE), but only UF and AF are enabled
    assertThat(cmos(m, 0x0c) & 0xb0).isEqualTo(0x90); // IRQF | UF, 23:59:59 is no alarm
    m.deadlines().runUntil(2_000_000_000L);
    assertThat(cmos(m, 0x0c) & 0xb0).isEqualTo(0xb0); // 00:00:00 matches the alarm
  }

  @Test
  void port70Bit7MasksNmi() {
    Machine m = machine(16L << 20);
    CmosRtc rtc = m.device(CmosRtc.class);
    m.ports().out(0x70, 1, 0x8f);
    assertThat(rtc.nmiMasked()).isTrue();
    m.ports().out(0x70, 1, 0x0f);
    assertThat(rtc.nmiMasked()).isFalse();
  }

  @Test
  void ordinaryCmosBytesKeepWhatIsWritten() {
    Machine m = machine(16L << 20);
    cmosWrite(m, 0x40, 0x5a);
    assertThat(cmos(m, 0x40)).isEqualTo(0x5a);
    cmosWrite(m, 0x0d, 0x00);
    assertThat(cmos(m, 0x0d)).isEqualTo(0x80); // register D is read-only: battery good
  }
}
