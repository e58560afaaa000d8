package io.github.genova.platform.firmware;

import io.github.genova.platform.Machine;
import io.github.genova.platform.PhysicalBus;
import io.github.genova.platform.PhysicalMemory;
import io.github.genova.platform.PortBus;
import io.github.genova.platform.ReservedRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Genova's system BIOS: the power-on self test a PC's firmware runs before it loads an operating system,
 * done by host code on the machine's memory, with the option ROMs' code run in an x86 interpreter
 * ({@link RealModeCaller}). {@link #post} leaves the first MiB as a PC BIOS leaves it:
 *
 * <ul>
 *   <li>the interrupt vector table at 0 with all 256 far pointers on a dummy handler (IRET) at
 *       {@code F000:FF53} in the system BIOS area, until an option ROM hooks a vector;
 *   <li>the BIOS data area at 400h: the serial port bases (400h), the equipment word (410h), the base
 *       memory in KiB (413h), the empty keyboard buffer (41Ah, 41Ch, 480h, 482h);
 *   <li>the expansion ROMs of the machine's {@link ExpansionRom} devices shadowed into the option ROM
 *       area from C0000h (in attachment order, each on a 2 KiB boundary: the standard PC's VGA, its only
 *       one, lands at C0000h as on every PC);
 *   <li>the option ROM scan of C0000h-DFFFFh in 2 KiB steps: a ROM is 55 AA, a length byte in 512-byte
 *       blocks and bytes summing to 0 modulo 256, and its init entry is far-called at {@code seg:0003} with
 *       the vectors in place (a VGA ROM hooks int 10h and sets the video fields of the data area); a ROM
 *       that fails a check is skipped and the {@link PostReport} says why;
 *   <li>the BIOS date and the model byte (FCh, an AT) at the top of the system BIOS area;
 *   <li>the three ranges it keeps {@linkplain PhysicalMemory#reserve reserved} in the machine's memory, as
 *       its e820 map would list them: the vector table and data area page, the option ROM area, the system
 *       BIOS area.
 * </ul>
 *
 * <p>The reserved ranges stay RAM, so a kernel can still map them for a driver (Genode's {@code vesa_drv}
 * maps page 0 and the option ROM through core's IO_MEM).
 */
public final class SystemBios {
  /** The page of the real-mode interrupt vector table (0h) and the BIOS data area (400h). */
  public static final long VECTORS_AND_DATA = 0x0L;
  /** The size of {@link #VECTORS_AND_DATA}: one page. */
  public static final long VECTORS_AND_DATA_SIZE = 0x1000L;
  /** Where option ROMs are shadowed and scanned for: C0000h. */
  public static final long OPTION_ROM_AREA = 0xc0000L;
  /** The size of the option ROM area (C0000h-DFFFFh). */
  public static final long OPTION_ROM_AREA_SIZE = 0x20000L;
  /** The system BIOS area, E0000h-FFFFFh. */
  public static final long SYSTEM_BIOS_AREA = 0xe0000L;
  /** The size of the system BIOS area. */
  public static final long SYSTEM_BIOS_AREA_SIZE = 0x20000L;
  /** The segment of the system BIOS: its code, the dummy handler and the POST's call stub live in it. */
  public static final int SEGMENT = 0xf000;
  /** The offset of the dummy interrupt handler (an IRET) in {@link #SEGMENT}, where the IBM AT had it. */
  public static final int DUMMY_HANDLER = 0xff53;
  /** The segment of the BIOS data area. */
  public static final int DATA_SEGMENT = 0x40;
  /** The equipment word in the BIOS data area (linear 410h). */
  public static final long EQUIPMENT = 0x410L;
  /** The base memory in KiB in the BIOS data area (linear 413h). */
  public static final long BASE_MEMORY = 0x413L;
  /** The current video mode in the BIOS data area (linear 449h), which the video BIOS sets. */
  public static final long VIDEO_MODE = 0x449L;
  /** The offset of an option ROM's init entry, which the POST far-calls. */
  public static final int OPTION_ROM_INIT = 3;
  /** The step of the option ROM scan, and the alignment of the shadowed ROMs. */
  public static final int OPTION_ROM_STEP = 2048;

  private static final int[] SERIAL_PORTS = {0x3f8, 0x2f8, 0x3e8, 0x2e8};
  private static final long SERIAL_BASES = 0x400L;
  private static final long KEYBOARD_HEAD = 0x41aL;
  private static final long KEYBOARD_TAIL = 0x41cL;
  private static final long KEYBOARD_START = 0x480L;
  private static final long KEYBOARD_END = 0x482L;
  private static final int KEYBOARD_BUFFER = 0x1e;
  private static final int KEYBOARD_BUFFER_END = 0x3e;
  private static final long CONVENTIONAL_MEMORY_END = 0xa0000L;
  private static final long DATE = 0xffff5L;
  private static final String DATE_TEXT = "11/25/26";
  private static final long MODEL = 0xffffeL;
  private static final int MODEL_AT = 0xfc;

  private SystemBios() {}

  /**
   * Runs the POST on {@code machine}, which must not run yet: fills the vector table and the BIOS data
   * area, shadows and initialises the option ROMs, and reserves the firmware's ranges.
   *
   * @return which option ROMs ran and which were skipped, and why
   * @throws IllegalArgumentException if the machine's RAM does not cover the first MiB outside the VGA
   *     window (the message names the range), or the POST ran on it before
   * @throws IllegalStateException if an option ROM's init entry does not return (the message names the ROM
   *     and where the CPU stopped)
   */
  public static PostReport post(Machine machine) {
    PhysicalMemory ram = machine.memory();
    List<ReservedRange> ranges = List.of(
        new ReservedRange(VECTORS_AND_DATA, VECTORS_AND_DATA_SIZE,
            "real-mode interrupt vectors and BIOS data area"),
        new ReservedRange(OPTION_ROM_AREA, OPTION_ROM_AREA_SIZE, "option ROM area"),
        new ReservedRange(SYSTEM_BIOS_AREA, SYSTEM_BIOS_AREA_SIZE, "system BIOS area"));
    ranges.forEach(r -> checkFree(ram, r));
    ranges.forEach(r -> ram.reserve(r.base(), r.length(), r.name()));
    PhysicalBus memory = machine.physical();
    memory.load(DATE, DATE_TEXT.getBytes(StandardCharsets.US_ASCII));
    memory.write(MODEL, 1, MODEL_AT);
    RealModeCaller caller = new RealModeCaller(memory, machine.ports(), SEGMENT);
    caller.installDefaultVectors(SEGMENT, DUMMY_HANDLER);
    fillDataArea(memory, machine.ports(), ram);
    List<String> skipped = new ArrayList<>();
    shadowExpansionRoms(machine, memory, skipped);
    List<Long> initialised = new ArrayList<>();
    long at = OPTION_ROM_AREA;
    while (at < OPTION_ROM_AREA + OPTION_ROM_AREA_SIZE) {
      if (memory.read(at, 2) != 0xaa55) {
        at += OPTION_ROM_STEP;
        continue;
      }
      byte[] image = memory.dump(at, (int) (memory.read(at + 2, 1) * 512));
      String defect = defect(image, OPTION_ROM_AREA + OPTION_ROM_AREA_SIZE - at);
      if (defect != null) {
        skipped.add("option ROM at 0x" + Long.toHexString(at) + " skipped: " + defect);
        at += OPTION_ROM_STEP;
        continue;
      }
      int segment = (int) (at >>> 4);
      try {
        caller.callFar(segment, OPTION_ROM_INIT, "init of the option ROM at "
            + RealModeCaller.hex(segment) + ":" + RealModeCaller.hex(OPTION_ROM_INIT));
      } catch (BiosCallFailure e) {
        throw new IllegalStateException("POST: " + e.getMessage(), e);
      }
      initialised.add(at);
      // The init may have shrunk the ROM (its length byte) to what stays resident.
      long length = Math.max(memory.read(at + 2, 1) * 512, 1);
      at += toNextStep(length);
    }
    return new PostReport(initialised, skipped);
  }

  /**
   * Returns what is wrong with {@code image} as an option ROM that may take {@code room} bytes, or null
   * when it is a valid one: a 55 AA signature, a non-zero length in 512-byte blocks that the image and the
   * room hold, bytes summing to 0 modulo 256.
   */
  static @Nullable String defect(byte[] image, long room) {
    if (image.length < 3 || (image[0] & 0xff) != 0x55 || (image[1] & 0xff) != 0xaa) {
      return "no 55 AA signature";
    }
    int length = (image[2] & 0xff) * 512;
    if (length == 0) {
      return "its length byte is 0";
    }
    if (length > image.length) {
      return "its header declares " + length + " bytes, the image has " + image.length;
    }
    if (length > room) {
      return "its " + length + " bytes run past the option ROM area (0x" + Long.toHexString(room) + " left)";
    }
    int sum = 0;
    for (int i = 0; i < length; i++) {
      sum += image[i] & 0xff;
    }
    if ((sum & 0xff) != 0) {
      return String.format("bad checksum: its %d bytes sum to %02xh modulo 256, not 0", length, sum & 0xff);
    }
    return null;
  }

  /** Returns {@code length} rounded up to the scan's 2 KiB step. */
  private static long toNextStep(long length) {
    return (length + OPTION_ROM_STEP - 1) / OPTION_ROM_STEP * OPTION_ROM_STEP;
  }

  /** Checks that {@code range} is RAM nobody reserved, before any of the POST's ranges is reserved. */
  private static void checkFree(PhysicalMemory ram, ReservedRange range) {
    for (long pfn = range.base() >>> PhysicalMemory.FRAME_SHIFT; pfn < range.end() >>> PhysicalMemory.FRAME_SHIFT;
        pfn++) {
      if (!ram.isRam(pfn)) {
        throw new IllegalArgumentException("the system BIOS needs RAM for its " + range + "; 0x"
            + Long.toHexString(pfn << PhysicalMemory.FRAME_SHIFT) + " is none");
      }
      if (ram.isReserved(pfn)) {
        throw new IllegalArgumentException("the system BIOS's " + range + " is reserved already: the POST ran on"
            + " this machine before");
      }
    }
  }

  private static void fillDataArea(PhysicalBus memory, PortBus ports, PhysicalMemory ram) {
    int serial = 0;
    for (int port : SERIAL_PORTS) {
      if (ports.isClaimed(port)) {
        memory.write(SERIAL_BASES + 2L * serial++, 2, port);
      }
    }
    int equipment = serial << 9;
    if (ports.isClaimed(0x60) && ports.isClaimed(0x64)) {
      equipment |= 1 << 2; // a PS/2 pointing device behind the keyboard controller
    }
    memory.write(EQUIPMENT, 2, equipment);
    long conventional = 0;
    while (conventional < CONVENTIONAL_MEMORY_END && ram.isRam(conventional >>> PhysicalMemory.FRAME_SHIFT)) {
      conventional += PhysicalMemory.FRAME_SIZE;
    }
    memory.write(BASE_MEMORY, 2, conventional / 1024);
    memory.write(KEYBOARD_HEAD, 2, KEYBOARD_BUFFER);
    memory.write(KEYBOARD_TAIL, 2, KEYBOARD_BUFFER);
    memory.write(KEYBOARD_START, 2, KEYBOARD_BUFFER);
    memory.write(KEYBOARD_END, 2, KEYBOARD_BUFFER_END);
  }

  private static void shadowExpansionRoms(Machine machine, PhysicalBus memory, List<String> skipped) {
    long next = OPTION_ROM_AREA;
    for (Object device : machine.devices()) {
      if (!(device instanceof ExpansionRom carrier)) {
        continue;
      }
      byte[] image = carrier.expansionRom();
      String defect = defect(image, OPTION_ROM_AREA + OPTION_ROM_AREA_SIZE - next);
      if (defect != null) {
        skipped.add("expansion ROM of " + device + " not shadowed: " + defect);
        continue;
      }
      int length = (image[2] & 0xff) * 512;
      memory.load(next, Arrays.copyOf(image, length));
      next += toNextStep(length);
    }
  }
}
