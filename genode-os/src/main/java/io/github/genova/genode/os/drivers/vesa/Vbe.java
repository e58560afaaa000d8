package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.platform.firmware.BiosCallFailure;
import io.github.genova.platform.x86.X86State;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The VESA BIOS Extensions as {@code vesa_drv} uses them, through the {@link VideoBios}: 4F00h (controller
 * information, asking for VBE 2.0 with "VBE2" and requiring version 2.0 or later), 4F01h (mode information,
 * for every mode of the controller's list) and 4F02h (set a mode with its linear framebuffer: bit 14 set,
 * bit 11 clear). Every call must answer {@code AX = 004Fh}; anything else is a {@link BiosCallFailure}
 * naming the call and the answer.
 */
final class Vbe {
  /** What a successful VBE call answers in AX. */
  static final int SUCCESS = 0x004f;
  /** The 4F02h mode-number bit asking for the linear framebuffer. */
  static final int LINEAR_FRAMEBUFFER = 0x4000;
  /** The 4F02h bit asking for a caller-given CRTC setup, which {@code vesa_drv} never sets. */
  static final int CUSTOM_CRTC = 0x0800;
  /** Where (offset from ES) the controller information is put. */
  static final int CONTROLLER_INFO = 0x100;
  /** Where (offset from ES) the mode information is put. */
  static final int MODE_INFO = 0x800;
  /** The most modes read from the controller's list. */
  static final int MAX_MODES = 256;

  private final VideoBios bios;
  private final RealModeMemory memory;

  Vbe(VideoBios bios, RealModeMemory memory) {
    this.bios = bios;
    this.memory = memory;
  }

  /**
   * What 4F00h tells about the controller.
   *
   * @param totalMemory64k TotalMemory (offset 0x12)
   * @param version VbeVersion (offset 0x04)
   * @param modes the mode numbers of VideoModePtr's list, up to its 0xFFFF terminator
   */
  record Controller(int version, int totalMemory64k, List<Integer> modes) {}

  /** Calls 4F00h and returns the controller's version, memory and mode list. */
  Controller controller() throws BiosCallFailure {
    long info = VideoBios.STUB + CONTROLLER_INFO;
    memory.load(info, "VBE2".getBytes(StandardCharsets.US_ASCII));
    check("4F00 (controller information)", bios.int10(0x4f00, 0, 0, 0, CONTROLLER_INFO));
    byte[] signature = new byte[4];
    for (int i = 0; i < 4; i++) {
      signature[i] = (byte) memory.read8(info + i);
    }
    String sig = new String(signature, StandardCharsets.US_ASCII);
    int version = memory.read16(info + 4);
    if (!sig.equals("VESA") || version < 0x200) {
      throw new BiosCallFailure("4F00 answered signature \"" + sig + "\" version " + Integer.toHexString(version)
          + "; vesa_drv needs VESA 2.0 or later");
    }
    long list = ((long) memory.read16(info + 0x10) << 4) + memory.read16(info + 0x0e);
    List<Integer> modes = new ArrayList<>();
    for (int i = 0; i < MAX_MODES; i++) {
      int mode = memory.read16(list + 2L * i);
      if (mode == 0xffff) {
        break;
      }
      modes.add(mode);
    }
    return new Controller(version, memory.read16(info + 0x12), List.copyOf(modes));
  }

  /** Calls 4F01h for {@code number}. */
  VbeMode modeInfo(int number) throws BiosCallFailure {
    check("4F01 (mode information) for mode " + Integer.toHexString(number),
        bios.int10(0x4f01, 0, number, 0, MODE_INFO));
    return VbeMode.read(number, memory, VideoBios.STUB + MODE_INFO);
  }

  /** Returns the first mode of {@code controller}'s list that {@link VbeMode#matches} the request. */
  Optional<VbeMode> find(Controller controller, int width, int height, int depth) throws BiosCallFailure {
    for (int number : controller.modes()) {
      VbeMode mode = modeInfo(number);
      if (mode.matches(width, height, depth)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }

  /** Calls 4F02h for {@code mode} with its linear framebuffer. */
  void setMode(VbeMode mode) throws BiosCallFailure {
    int number = (mode.number() | LINEAR_FRAMEBUFFER) & ~CUSTOM_CRTC;
    check("4F02 (set mode " + Integer.toHexString(number) + ")", bios.int10(0x4f02, number, 0, 0, 0));
  }

  private static void check(String call, X86State after) throws BiosCallFailure {
    int ax = after.regs[X86State.EAX] & 0xffff;
    if (ax != SUCCESS) {
      throw new BiosCallFailure("VBE " + call + " failed: AX=" + String.format("%04x", ax));
    }
  }
}
