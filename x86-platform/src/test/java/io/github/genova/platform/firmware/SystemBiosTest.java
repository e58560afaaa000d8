package io.github.genova.platform.firmware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PhysicalBus;
import io.github.genova.platform.ReservedRange;
import io.github.genova.platform.pc.StandardPc;
import io.github.genova.platform.x86.X86State;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The system BIOS's POST on Genova's standard PC: the vector table, the BIOS data area, the option ROM scan
 * that shadows and initialises the VGA's ROM (so int 10h answers VBE calls afterwards), ROMs it must skip,
 * and the ranges it reserves.
 */
class SystemBiosTest {
  private final List<Machine> machines = new ArrayList<>();

  @AfterEach
  void close() {
    machines.forEach(Machine::close);
  }

  private Machine pc(DeviceFactory<?>... extra) {
    Machine m = Machine.builder().ram(16L << 20).devices(StandardPc.devices()).devices(List.of(extra)).build();
    machines.add(m);
    return m;
  }

  /** A device carrying {@code image} as its expansion ROM. */
  private static final class RomCard implements ExpansionRom {
    private final String name;
    private final byte[] image;

    RomCard(String name, byte[] image) {
      this.name = name;
      this.image = image.clone();
    }

    @Override
    public byte[] expansionRom() {
      return image.clone();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /**
   * A one-block ROM whose init writes {@code marker} to 0:04F0 and returns: {@code push ds; xor ax, ax; mov
   * ds, ax; mov byte [04F0h], marker; pop ds; retf}, with the checksum in its last byte.
   */
  private static byte[] markerRom(int marker) {
    byte[] rom = new byte[512];
    byte[] head = {0x55, (byte) 0xaa, 1, 0x1e, 0x31, (byte) 0xc0, (byte) 0x8e, (byte) 0xd8, (byte) 0xc6, 0x06,
        (byte) 0xf0, 0x04, (byte) marker, 0x1f, (byte) 0xcb};
    System.arraycopy(head, 0, rom, 0, head.length);
    int sum = 0;
    for (byte b : rom) {
      sum += b & 0xff;
    }
    rom[511] = (byte) -sum;
    return rom;
  }

  private static long vgaRomEnd() {
    long length = VgaOptionRom.image().length;
    return SystemBios.OPTION_ROM_AREA + (length + 2047) / 2048 * 2048;
  }

  @Test
  void afterPostTheInt10VectorPointsIntoTheVgaRomAndTheOthersAtTheDummyHandler() {
    Machine m = pc();
    PostReport report = SystemBios.post(m);
    PhysicalBus mem = m.physical();
    assertThat(report.initialised()).containsExactly(SystemBios.OPTION_ROM_AREA);
    assertThat(report.skipped()).isEmpty();
    assertThat(mem.dump(SystemBios.OPTION_ROM_AREA, VgaOptionRom.image().length)).isEqualTo(VgaOptionRom.image());
    long int10 = mem.read(0x10 * 4, 4);
    assertThat(int10 >>> 16).as("int 10h segment").isEqualTo(0xc000);
    assertThat(int10 & 0xffff).as("int 10h offset inside the ROM").isLessThan(VgaOptionRom.image().length);
    long dummy = (long) SystemBios.SEGMENT << 16 | SystemBios.DUMMY_HANDLER;
    for (int v : new int[] {0x00, 0x08, 0x13, 0x16, 0x1a, 0xff}) {
      assertThat(mem.read(v * 4L, 4)).as("vector %02xh", v).isEqualTo(dummy);
    }
    assertThat(mem.read(0xfff53, 1)).as("IRET").isEqualTo(0xcf);
    assertThat(mem.read(0xffffe, 1)).as("model byte: AT").isEqualTo(0xfc);
  }

  @Test
  void theBiosDataAreaDescribesThePc() {
    Machine m = pc();
    SystemBios.post(m);
    PhysicalBus mem = m.physical();
    assertThat(mem.read(0x400, 2)).as("COM1 base").isEqualTo(0x3f8);
    assertThat(mem.read(0x402, 2)).as("no COM2").isZero();
    long equipment = mem.read(SystemBios.EQUIPMENT, 2);
    assertThat((equipment >>> 9) & 7).as("serial ports").isEqualTo(1);
    assertThat(equipment & 4).as("PS/2 mouse").isEqualTo(4);
    assertThat(equipment & 0x30).as("initial video mode 80x25 colour (the VGA ROM's)").isEqualTo(0x20);
    assertThat(mem.read(SystemBios.BASE_MEMORY, 2)).as("base memory KiB").isEqualTo(640);
    assertThat(mem.read(SystemBios.VIDEO_MODE, 1)).as("video mode (the VGA ROM's init set mode 3)").isEqualTo(3);
    assertThat(mem.read(0x44a, 2)).as("text columns").isEqualTo(80);
    assertThat(mem.read(0x41a, 2)).as("keyboard buffer head").isEqualTo(0x1e);
    assertThat(mem.read(0x41c, 2)).as("keyboard buffer tail").isEqualTo(0x1e);
    assertThat(mem.read(0x482, 2)).as("keyboard buffer end").isEqualTo(0x3e);
  }

  @Test
  void anInt10VbeControllerCallAfterPostAnswers004F() throws BiosCallFailure {
    Machine m = pc();
    SystemBios.post(m);
    PhysicalBus mem = m.physical();
    int segment = 0x2000;
    long buffer = ((long) segment << 4) + 0x200;
    mem.load(buffer, "VBE2".getBytes(StandardCharsets.US_ASCII));
    X86State in = new X86State();
    in.regs[X86State.EAX] = 0x4f00;
    in.regs[X86State.EDI] = 0x200;
    X86State out = new RealModeCaller(mem, m.ports(), segment).interrupt(0x10, in, "int 10h AX=4f00");
    assertThat(out.regs[X86State.EAX] & 0xffff).isEqualTo(0x004f);
    assertThat(new String(mem.dump(buffer, 4), StandardCharsets.US_ASCII)).isEqualTo("VESA");
    assertThat(mem.read(buffer + 4, 2)).as("VBE version").isGreaterThanOrEqualTo(0x200L);
  }

  @Test
  void theFirmwareRangesAreReservedAndStayRam() {
    Machine m = pc();
    SystemBios.post(m);
    assertThat(m.memory().reservations()).extracting(ReservedRange::base, ReservedRange::length).containsExactly(
        org.assertj.core.groups.Tuple.tuple(0L, 0x1000L),
        org.assertj.core.groups.Tuple.tuple(0xc0000L, 0x20000L),
        org.assertj.core.groups.Tuple.tuple(0xe0000L, 0x20000L));
    assertThat(m.memory().reservations()).extracting(ReservedRange::name)
        .containsExactly("real-mode interrupt vectors and BIOS data area", "option ROM area", "system BIOS area");
    for (long pfn : new long[] {0, 0xc0, 0xdf, 0xe0, 0xff}) {
      assertThat(m.memory().isReserved(pfn)).as("frame %x reserved", pfn).isTrue();
      assertThat(m.memory().isRam(pfn)).as("frame %x RAM", pfn).isTrue();
    }
    assertThat(m.memory().isReserved(1)).isFalse();
    assertThat(m.memory().isReserved(0x100)).isFalse();
  }

  @Test
  void aSecondValidRomIsShadowedOnTheNext2KiBoundaryAndInitialised() {
    Machine m = pc(machine -> new RomCard("marker card", markerRom(0x42)));
    PostReport report = SystemBios.post(m);
    assertThat(report.skipped()).isEmpty();
    assertThat(report.initialised()).containsExactly(SystemBios.OPTION_ROM_AREA, vgaRomEnd());
    assertThat(m.physical().read(0x4f0, 1)).as("the marker ROM's init ran").isEqualTo(0x42);
  }

  @Test
  void expansionRomsWithABadChecksumOrNoSignatureAreNotShadowedAndTheReportSaysWhy() {
    byte[] badSum = markerRom(0x42);
    badSum[100]++;
    byte[] unsigned = markerRom(0x43);
    unsigned[0] = 0;
    Machine m = pc(machine -> new RomCard("card A", badSum), machine -> new RomCard("card B", unsigned));
    PostReport report = SystemBios.post(m);
    assertThat(report.initialised()).containsExactly(SystemBios.OPTION_ROM_AREA);
    assertThat(report.skipped()).containsExactly(
        "expansion ROM of card A not shadowed: bad checksum: its 512 bytes sum to 01h modulo 256, not 0",
        "expansion ROM of card B not shadowed: no 55 AA signature");
    assertThat(m.physical().read(0x4f0, 1)).as("neither init ran").isZero();
    assertThat(m.physical().read(vgaRomEnd(), 2)).as("nothing shadowed after the VGA ROM").isZero();
  }

  @Test
  void aRomInTheAreaWithABadChecksumIsSkippedByTheScan() {
    Machine m = pc();
    byte[] bad = markerRom(0x44);
    bad[7] ^= 0x10;
    m.physical().load(0xd0000, bad);
    PostReport report = SystemBios.post(m);
    assertThat(report.initialised()).containsExactly(SystemBios.OPTION_ROM_AREA);
    assertThat(report.skipped()).containsExactly(
        "option ROM at 0xd0000 skipped: bad checksum: its 512 bytes sum to f0h modulo 256, not 0");
    assertThat(m.physical().read(0x4f0, 1)).isZero();
  }

  @Test
  void aRomThatRunsPastTheAreaIsSkipped() {
    Machine m = pc();
    byte[] big = new byte[8 * 512];
    big[0] = 0x55;
    big[1] = (byte) 0xaa;
    big[2] = 8;
    m.physical().load(0xdf800, big);
    PostReport report = SystemBios.post(m);
    assertThat(report.skipped()).singleElement().asString()
        .isEqualTo("option ROM at 0xdf800 skipped: its 4096 bytes run past the option ROM area (0x800 left)");
  }

  @Test
  void postRefusesAMachineWithoutTheFirstMiBAndASecondPost() {
    try (Machine small = Machine.builder().ram(512L << 10).build()) {
      assertThatThrownBy(() -> SystemBios.post(small)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("needs RAM for its [0xc0000, 0xe0000) option ROM area");
      assertThat(small.memory().reservations()).as("nothing reserved by a refused POST").isEmpty();
    }
    Machine m = pc();
    SystemBios.post(m);
    assertThatThrownBy(() -> SystemBios.post(m)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the POST ran on this machine before");
  }

  @Test
  void reservationsRefuseHolesOverlapsAndMisalignment() {
    Machine m = pc();
    assertThatThrownBy(() -> m.memory().reserve(0xa0000, 0x1000, "in the VGA window"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covers the hole at 0xa0000");
    m.memory().reserve(0x9f000, 0x1000, "extended BIOS data area");
    assertThatThrownBy(() -> m.memory().reserve(0x9e000, 0x2000, "more"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlaps [0x9f000, 0xa0000)");
    assertThatThrownBy(() -> m.memory().reserve(0x100, 0x1000, "odd"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a frame-aligned range of RAM");
    assertThatThrownBy(() -> m.memory().reserve(0x1000, 0x1000, " "))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a name");
  }
}
