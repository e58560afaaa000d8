package io.github.genova.platform.pc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.Machine;
import io.github.genova.platform.RecordingSystemLines;
import io.github.genova.platform.MmioRegion;
import io.github.genova.platform.PortRange;
import io.github.genova.platform.device.pic.DualPic;
import io.github.genova.platform.device.pit.Pit8254;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StandardPcTest {
  private Machine machine;
  private StandardPc pc;

  @BeforeEach
  void setUp() {
    machine = Machine.builder().ram(128L << 20).cpus(2).engine("jit").devices(StandardPc.devices()).build();
    pc = StandardPc.of(machine);
  }

  @AfterEach
  void tearDown() {
    machine.close();
  }

  @Test
  void portMapHasNoCollisionsAndEveryExpectedDevice() {
    List<PortRange> claims = machine.ports().claims();
    for (int i = 1; i < claims.size(); i++) {
      assertThat(claims.get(i).base()).as("%s after %s", claims.get(i), claims.get(i - 1))
          .isGreaterThanOrEqualTo(claims.get(i - 1).end());
    }
    List<String> map = claims.stream().map(PortRange::toString).toList();
    assertThat(map).containsExactly(
        "0020-0021 8259 PIC pair",
        "0040-0043 8254 PIT",
        "0060-0060 i8042 keyboard controller",
        "0061-0061 system control port B",
        "0064-0064 i8042 keyboard controller",
        "0070-0071 CMOS RTC",
        "0080-0080 POST code port at 80",
        "0092-0092 system control port A",
        "00a0-00a1 8259 PIC pair",
        "00e9-00e9 debug console at e9",
        "0190-0190 POST code port at 190",
        "01ce-01d0 VGA",
        "03b4-03b5 VGA",
        "03ba-03ba VGA",
        "03c0-03cf VGA",
        "03d4-03d5 VGA",
        "03da-03da VGA",
        "03f8-03ff 16550 UART at 3f8",
        "0402-0402 debug console at 402",
        "04d0-04d1 8259 PIC pair",
        "0cf8-0cff PCI host bridge");
  }

  @Test
  void memoryMapHasTheVgaWindowsAndTheLegacyHoleInRam() {
    List<MmioRegion> regions = machine.mmio().regions();
    assertThat(regions).extracting(MmioRegion::base, MmioRegion::length, MmioRegion::name).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0xa0000L, 0x20000L, "VGA legacy window"),
        org.assertj.core.groups.Tuple.tuple(0xe000_0000L, 16L << 20, "VGA linear framebuffer"));
    assertThat(machine.memory().isRam(0x9f)).isTrue();
    assertThat(machine.memory().isRam(0xa0)).isFalse();
    assertThat(machine.memory().isRam(0xbf)).isFalse();
    assertThat(machine.memory().isRam(0xc0)).isTrue();
  }

  @Test
  void machineCarriesTheEngineBackendName() {
    assertThat(machine.engineBackend()).isEqualTo("jit");
    assertThat(Machine.builder().build().engineBackend()).isEqualTo("interpreter");
    assertThatThrownBy(() -> Machine.builder().engine(" ")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void timerInterruptTravelsFromPitThroughPicToTheCpu() {
    List<Integer> gsis = new ArrayList<>();
    machine.interrupts().attach(gsis::add);
    var ports = machine.ports();
    ports.out(0x20, 1, 0x11);
    ports.out(0x21, 1, 0x20);
    ports.out(0x21, 1, 0x04);
    ports.out(0x21, 1, 0x01);
    ports.out(0x21, 1, 0xfe); // only IRQ 0
    ports.out(0x43, 1, 0x34);
    ports.out(0x40, 1, 0x9c);
    ports.out(0x40, 1, 0x2e); // 11932: ~100 Hz
    machine.deadlines().runUntil(Pit8254.nanosForTicks(11932));
    DualPic pic = pc.pic();
    assertThat(pic.interruptPending()).isTrue();
    assertThat(pic.acknowledge()).isEqualTo(0x20);
    assertThat(gsis).containsExactly(0); // and the kernel's GSI 0
  }

  @Test
  void resetAndA20FromBothPortsReachTheConnectedEngine() {
    RecordingSystemLines recorder = new RecordingSystemLines();
    List<String> lines = recorder.events();
    machine.connectSystemLines(recorder);
    machine.ports().out(0x92, 1, 0x00);
    machine.ports().out(0x92, 1, 0x02);
    assertThat(machine.ports().in(0x92, 1)).isEqualTo(0x02);
    machine.ports().out(0x92, 1, 0x03);
    machine.ports().out(0x64, 1, 0xfe);
    assertThat(lines).containsExactly("a20=false", "a20=true", "reset", "reset");
    assertThat(pc.portA().a20()).isTrue();
  }

  @Test
  void serialAndDebugOutputReachTheHost() {
    machine.ports().out(0x3f8, 1, 'S');
    for (byte b : "SeaBIOS\n".getBytes(StandardCharsets.US_ASCII)) {
      machine.ports().out(0x402, 1, b);
    }
    machine.ports().out(0xe9, 1, 'b');
    assertThat(pc.com1().transmitted()).isEqualTo(1);
    assertThat(pc.firmwareConsole().text()).isEqualTo("SeaBIOS\n");
    assertThat(pc.bochsConsole().text()).isEqualTo("b");
  }

  @Test
  void cmosReportsTheMachinesRamAndCpus() {
    machine.ports().out(0x70, 1, 0x34);
    int lo = machine.ports().in(0x71, 1);
    machine.ports().out(0x70, 1, 0x35);
    int hi = machine.ports().in(0x71, 1);
    assertThat(lo | hi << 8).isEqualTo((112 << 20) >> 16);
    machine.ports().out(0x70, 1, 0x5f);
    assertThat(machine.ports().in(0x71, 1)).isEqualTo(1);
  }

  /** Runs timers of three devices for a virtual second and returns the interrupt timeline. */
  private static List<String> timeline() {
    try (Machine m = Machine.builder().devices(StandardPc.devices()).build()) {
      List<String> events = new ArrayList<>();
      m.interrupts().attach(gsi -> events.add(gsi + "@" + m.clock().nanos()));
      var p = m.ports();
      p.out(0x43, 1, 0x34); // PIT channel 0, mode 2, ~1 kHz
      p.out(0x40, 1, 0xa9);
      p.out(0x40, 1, 0x04);
      p.out(0x70, 1, 0x0a);
      p.out(0x71, 1, 0x2a); // RTC periodic at 64 Hz
      p.out(0x70, 1, 0x0b);
      p.out(0x71, 1, 0x42);
      p.out(0x3fc, 1, 0x08); // COM1: OUT2
      p.out(0x3fa, 1, 0xc1); // FIFO on, trigger level 14
      p.out(0x3f9, 1, 0x01); // RDA interrupts
      StandardPc.of(m).com1().receive(new byte[] {1, 2});
      for (long t = 0; t <= 1_000_000_000L; t += 50_000_000L) {
        m.deadlines().runUntil(t);
        p.out(0x70, 1, 0x0c);
        p.in(0x71, 1); // acknowledge the RTC
      }
      return events;
    }
  }

  @Test
  void sameProgrammingGivesTheSameInterruptTimelineInVirtualTime() {
    List<String> first = timeline();
    assertThat(first).hasSizeGreaterThan(1000);
    assertThat(first).contains("4@" + 4 * (10 * 1_000_000_000L / 115_200)); // character timeout, not RDA
    assertThat(timeline()).isEqualTo(first);
  }

  @Test
  void aMachineWithoutTheDevicesIsRefusedByName() {
    try (Machine bare = Machine.builder().build()) {
      assertThatThrownBy(() -> StandardPc.of(bare)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("DualPic");
    }
  }

  @Test
  void twoDevicesOnOnePortAreRefusedNamingBoth() {
    assertThatThrownBy(() -> Machine.builder().device(Pit8254::attach).device(Pit8254::attach).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x40").hasMessageContaining("8254 PIT");
  }
}
