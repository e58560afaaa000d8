package io.github.genova.platform.device.vga;

import io.github.genova.platform.Machine;
import io.github.genova.platform.MmioBus;
import io.github.genova.platform.MmioDevice;
import io.github.genova.platform.MmioRegion;
import io.github.genova.platform.PortDevice;
import io.github.genova.platform.device.pci.PciAddress;
import io.github.genova.platform.device.pci.PciFunction;
import io.github.genova.platform.device.pci.PciHostBridge;
import io.github.genova.platform.firmware.ExpansionRom;
import io.github.genova.platform.firmware.VgaOptionRom;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.jspecify.annotations.Nullable;

/**
 * QEMU's standard VGA: VGA registers (misc output, sequencer, CRTC with its write protection,
 * graphics controller, attribute controller with its flip-flop, DAC, input status 1 with toggling retrace
 * bits), the legacy window at 0xA0000-0xBFFFF (text memory at 0xB8000), the Bochs DISPI interface at
 * 0x1CE/0x1CF (0x1D0 aliases the data port) and the linear framebuffer. With a {@link PciHostBridge} in
 * the machine the adapter is PCI function 00:02.0 (1234:1111, class 0300) whose BAR0 is the 16 MiB
 * prefetchable framebuffer, assigned to {@link #DEFAULT_LFB} with decoding on, as a BIOS leaves it; the
 * framebuffer follows BAR0 when the guest moves it. Without one it is fixed at {@link #DEFAULT_LFB}.
 *
 * <p>The register state starts as a BIOS leaves it for 80x25 text mode 3. The legacy window maps linearly
 * onto VRAM (offset = address - 0xA0000) in VGA modes and onto the 64 KiB DISPI bank at 0xA0000 when DISPI
 * is enabled; the planar memory organisation of 16-colour modes is not modelled. Its expansion ROM is
 * Genova's {@link VgaOptionRom}, which the system BIOS shadows to C0000h and initialises at POST. Thread-safe.
 */
public final class Vga implements PortDevice, MmioDevice, ExpansionRom, AutoCloseable {
  /** Where the linear framebuffer lives unless the guest moves BAR0. */
  public static final long DEFAULT_LFB = 0xe000_0000L;
  /** VRAM size. */
  public static final long VRAM_BYTES = 16L << 20;
  /** The PCI address of the adapter. */
  public static final PciAddress PCI_ADDRESS = new PciAddress(0, 2, 0);

  private static final long LEGACY_BASE = 0xa0000;
  private static final long TEXT_OFFSET = 0xb8000 - LEGACY_BASE;
  private static final int[] MODE3_SEQUENCER = {0x03, 0x00, 0x03, 0x00, 0x02};
  private static final int[] MODE3_CRTC = {
    0x5f, 0x4f, 0x50, 0x82, 0x55, 0x81, 0xbf, 0x1f, 0x00, 0x4f, 0x0d, 0x0e, 0x00, 0x00, 0x00, 0x00,
    0x9c, 0x8e, 0x8f, 0x28, 0x1f, 0x96, 0xb9, 0xa3, 0xff
  };
  private static final int[] MODE3_GRAPHICS = {0x00, 0x00, 0x00, 0x00, 0x00, 0x10, 0x0e, 0x00, 0xff};
  private static final int[] MODE3_ATTRIBUTE = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x14, 0x07, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x0c, 0x00, 0x0f, 0x08, 0x00
  };

  private final Arena arena = Arena.ofShared();
  private final MemorySegment vram;
  private final BochsDispi dispi;
  private final LinearFramebuffer lfb;
  private final MmioBus mmio;
  private @Nullable MmioRegion lfbRegion;
  private @Nullable String lfbError;

  private int misc = 0x67;
  private int featureControl;
  private int vgaEnable = 1;
  private int sequencerIndex;
  private final int[] sequencer = MODE3_SEQUENCER.clone();
  private int crtcIndex;
  private final int[] crtc = MODE3_CRTC.clone();
  private int graphicsIndex;
  private final int[] graphics = MODE3_GRAPHICS.clone();
  private int attributeIndex;
  private boolean attributeData;
  private final int[] attribute = MODE3_ATTRIBUTE.clone();
  private int status1;
  private int dacMask = 0xff;
  private int dacReadIndex;
  private int dacWriteIndex;
  private int dacComponent;
  private boolean dacReading;
  private final int[] palette = new int[256 * 3];

  private Vga(MmioBus mmio) {
    this.mmio = mmio;
    this.vram = arena.allocate(VRAM_BYTES, 4096);
    this.dispi = new BochsDispi(vram);
    this.lfb = new LinearFramebuffer(vram);
  }

  /**
   * Attaches the adapter to {@code machine}: the VGA and DISPI ports, the legacy window, and either PCI
   * function 00:02.0 (when a {@link PciHostBridge} was attached before) or a fixed framebuffer.
   */
  public static Vga attach(Machine machine) {
    Vga vga = new Vga(machine.mmio());
    machine.ports().claim(0x3b4, 2, vga);
    machine.ports().claim(0x3ba, 1, vga);
    machine.ports().claim(0x3c0, 16, vga);
    machine.ports().claim(0x3d4, 2, vga);
    machine.ports().claim(0x3da, 1, vga);
    machine.ports().claim(0x1ce, 3, vga);
    machine.mmio().claim(LEGACY_BASE, 0x20000, "VGA legacy window", vga);
    PciHostBridge bridge = machine.findDevice(PciHostBridge.class).orElse(null);
    if (bridge == null) {
      vga.moveFramebuffer(DEFAULT_LFB, true);
    } else {
      PciFunction function = new PciFunction("QEMU standard VGA", 0x1234, 0x1111, 0x030000, 0x02)
          .subsystem(0x1af4, 0x1100)
          .bar(0, VRAM_BYTES, PciFunction.BAR_MEMORY_PREFETCHABLE, (bar, base, on) -> vga.moveFramebuffer(base, on));
      bridge.add(PCI_ADDRESS, function);
      function.assign(0, DEFAULT_LFB, PciFunction.COMMAND_IO | PciFunction.COMMAND_MEMORY);
    }
    return vga;
  }

  private synchronized void moveFramebuffer(long base, boolean enabled) {
    MmioRegion old = lfbRegion;
    if (old != null) {
      mmio.release(old);
      lfbRegion = null;
    }
    lfbError = null;
    if (enabled && base != 0) {
      try {
        lfbRegion = mmio.claim(base, VRAM_BYTES, "VGA linear framebuffer", lfb);
      } catch (IllegalArgumentException e) {
        lfbError = e.getMessage(); // the guest put BAR0 somewhere unusable: the framebuffer decodes nowhere
      }
    }
  }

  // ---- host API ----

  /** Returns the card's video BIOS: {@link VgaOptionRom#image()}. */
  @Override
  public byte[] expansionRom() {
    return VgaOptionRom.image();
  }

  /** Returns the VRAM: the framebuffer a host window or snapshot reads (and a driver may write). */
  public MemorySegment vram() {
    return vram;
  }

  /** Returns the physical address the linear framebuffer decodes at, or -1 when it decodes nowhere. */
  public synchronized long framebufferAddress() {
    MmioRegion r = lfbRegion;
    return r == null ? -1 : r.base();
  }

  /** Returns why the framebuffer could not be placed where the guest put BAR0, or null. */
  public synchronized @Nullable String framebufferError() {
    return lfbError;
  }

  /** Returns the current display mode: DISPI graphics when enabled, else the CRTC's text geometry. */
  public synchronized DisplayMode mode() {
    if (dispi.enabled()) {
      return dispi.mode();
    }
    int columns = crtc[0x01] + 1;
    int lines = (crtc[0x12] | (crtc[0x07] & 0x02) << 7 | (crtc[0x07] & 0x40) << 3) + 1;
    int cellHeight = (crtc[0x09] & 0x1f) + 1;
    int rows = Math.max(1, lines / cellHeight);
    long start = TEXT_OFFSET + 2L * (crtc[0x0c] << 8 | crtc[0x0d]);
    return new DisplayMode(true, columns, rows, 16, columns * 2, start);
  }

  /** Returns text row {@code row} of a text mode as characters (code page 437 bytes as chars 0-255). */
  public synchronized String textRow(int row) {
    DisplayMode m = mode();
    if (!m.text() || row < 0 || row >= m.height()) {
      throw new IllegalArgumentException("no text row " + row + " in " + m);
    }
    StringBuilder sb = new StringBuilder(m.width());
    long at = m.startOffset() + (long) row * m.pitchBytes();
    for (int c = 0; c < m.width(); c++) {
      sb.append((char) (vram.get(ValueLayout.JAVA_BYTE, at + 2L * c) & 0xff));
    }
    return sb.toString();
  }

  /**
   * Returns the visible picture of the current DISPI graphics mode converted to ARGB: 8 bpp through the
   * DAC palette, 15 bpp as 5:5:5, 16 bpp as 5:6:5, 24 and 32 bpp as B, G, R bytes.
   *
   * @throws IllegalStateException in a text mode or at 4 bpp (planar), which have no packed pixels
   */
  public synchronized FramebufferImage snapshot() {
    DisplayMode m = mode();
    if (m.text() || m.bitsPerPixel() == 4) {
      throw new IllegalStateException("no packed-pixel picture in " + m);
    }
    int[] argb = new int[m.width() * m.height()];
    int bytes = (m.bitsPerPixel() + 7) / 8;
    for (int y = 0; y < m.height(); y++) {
      long row = m.startOffset() + (long) y * m.pitchBytes();
      for (int x = 0; x < m.width(); x++) {
        long at = row + (long) x * bytes;
        int rgb = switch (m.bitsPerPixel()) {
          case 8 -> paletteRgb(vram.get(ValueLayout.JAVA_BYTE, at) & 0xff);
          case 15 -> {
            int p = vram.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
            yield expand5((p >> 10) & 0x1f) << 16 | expand5((p >> 5) & 0x1f) << 8 | expand5(p & 0x1f);
          }
          case 16 -> {
            int p = vram.get(ValueLayout.JAVA_SHORT_UNALIGNED, at);
            int g = (p >> 5) & 0x3f;
            yield expand5((p >> 11) & 0x1f) << 16 | (g << 2 | g >> 4) << 8 | expand5(p & 0x1f);
          }
          default -> (vram.get(ValueLayout.JAVA_BYTE, at + 2) & 0xff) << 16
              | (vram.get(ValueLayout.JAVA_BYTE, at + 1) & 0xff) << 8
              | (vram.get(ValueLayout.JAVA_BYTE, at) & 0xff);
        };
        argb[y * m.width() + x] = 0xff00_0000 | rgb;
      }
    }
    return new FramebufferImage(m.width(), m.height(), argb);
  }

  private static int expand5(int c) {
    return c << 3 | c >> 2;
  }

  /** Returns DAC entry {@code index} as 0xRRGGBB with 8 bits per component. */
  public synchronized int paletteRgb(int index) {
    int rgb = 0;
    for (int i = 0; i < 3; i++) {
      int c = palette[index * 3 + i];
      rgb = rgb << 8 | (dispi.dac8Bit() ? c : (c << 2 | c >> 4));
    }
    return rgb;
  }

  // ---- ports ----

  @Override
  public synchronized int in(int port, int size) {
    if (port >= 0x1ce && port <= 0x1d0) {
      return port == 0x1ce ? dispi.index : dispi.read();
    }
    if (port == 0x3c0 || port == 0x3c1) {
      return port == 0x3c0 ? attributeIndex : attribute[attributeIndex & 0x1f];
    }
    if (!decoded(port)) {
      return 0xff;
    }
    return switch (port) {
      case 0x3c2 -> 0x00;
      case 0x3c3 -> vgaEnable;
      case 0x3c4 -> sequencerIndex;
      case 0x3c5 -> sequencerIndex < sequencer.length ? sequencer[sequencerIndex] : 0xff;
      case 0x3c6 -> dacMask;
      case 0x3c7 -> dacReading ? 0x03 : 0x00;
      case 0x3c8 -> dacWriteIndex;
      case 0x3c9 -> readDac();
      case 0x3ca -> featureControl;
      case 0x3cc -> misc;
      case 0x3ce -> graphicsIndex;
      case 0x3cf -> graphicsIndex < graphics.length ? graphics[graphicsIndex] : 0xff;
      case 0x3b4, 0x3d4 -> crtcIndex;
      case 0x3b5, 0x3d5 -> crtcIndex < crtc.length ? crtc[crtcIndex] : 0xff;
      case 0x3ba, 0x3da -> {
        attributeData = false;
        status1 ^= 0x09; // display enable and vertical retrace toggle with each read
        yield status1;
      }
      default -> 0xff;
    };
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    if (port >= 0x1ce && port <= 0x1d0) {
      if (port == 0x1ce) {
        dispi.index = value & 0xffff;
      } else {
        dispi.write(value);
      }
      return;
    }
    if (size == 2 && port != 0x3c0) { // a word write is an index write followed by a data write
      out(port, 1, value & 0xff);
      out(port + 1, 1, (value >> 8) & 0xff);
      return;
    }
    int v = value & 0xff;
    if (!decoded(port)) {
      return;
    }
    switch (port) {
      case 0x3c0 -> writeAttribute(v);
      case 0x3c2 -> misc = v;
      case 0x3c3 -> vgaEnable = v & 1;
      case 0x3c4 -> sequencerIndex = v & 0x07;
      case 0x3c5 -> {
        if (sequencerIndex < sequencer.length) {
          sequencer[sequencerIndex] = v;
        }
      }
      case 0x3c6 -> dacMask = v;
      case 0x3c7 -> {
        dacReadIndex = v;
        dacComponent = 0;
        dacReading = true;
      }
      case 0x3c8 -> {
        dacWriteIndex = v;
        dacComponent = 0;
        dacReading = false;
      }
      case 0x3c9 -> writeDac(v);
      case 0x3ce -> graphicsIndex = v & 0x0f;
      case 0x3cf -> {
        if (graphicsIndex < graphics.length) {
          graphics[graphicsIndex] = v;
        }
      }
      case 0x3b4, 0x3d4 -> crtcIndex = v & 0x1f;
      case 0x3b5, 0x3d5 -> writeCrtc(v);
      case 0x3ba, 0x3da -> featureControl = v;
      default -> {}
    }
  }

  /** Returns false for the CRTC and status ports of the addressing (mono 0x3Bx, colour 0x3Dx) not selected. */
  private boolean decoded(int port) {
    boolean colour = (misc & 0x01) != 0;
    return port < 0x3c0 ? !colour : port < 0x3d0 || colour;
  }

  private void writeAttribute(int v) {
    if (!attributeData) {
      attributeIndex = v & 0x3f;
    } else if ((attributeIndex & 0x1f) < attribute.length) {
      attribute[attributeIndex & 0x1f] = v;
    }
    attributeData = !attributeData;
  }

  private void writeCrtc(int v) {
    if (crtcIndex >= crtc.length) {
      return;
    }
    if ((crtc[0x11] & 0x80) != 0 && crtcIndex <= 0x07) {
      if (crtcIndex == 0x07) { // only the line compare bit stays writable
        crtc[0x07] = (crtc[0x07] & ~0x10) | (v & 0x10);
      }
      return;
    }
    crtc[crtcIndex] = v;
  }

  private int readDac() {
    int v = palette[dacReadIndex * 3 + dacComponent];
    if (++dacComponent == 3) {
      dacComponent = 0;
      dacReadIndex = (dacReadIndex + 1) & 0xff;
    }
    return v;
  }

  private void writeDac(int v) {
    palette[dacWriteIndex * 3 + dacComponent] = dispi.dac8Bit() ? v : v & 0x3f;
    if (++dacComponent == 3) {
      dacComponent = 0;
      dacWriteIndex = (dacWriteIndex + 1) & 0xff;
    }
  }

  // ---- legacy window 0xA0000-0xBFFFF ----

  /** Returns the VRAM offset behind window offset {@code offset}, or -1 where nothing decodes. */
  private long windowToVram(long offset) {
    if (dispi.enabled()) {
      return offset < 0x10000 ? ((long) dispi.bank() << 16) + offset : -1;
    }
    long lo;
    long hi;
    switch ((graphics[0x06] >> 2) & 3) {
      case 0 -> {
        lo = 0;
        hi = 0x20000;
      }
      case 1 -> {
        lo = 0;
        hi = 0x10000;
      }
      case 2 -> {
        lo = 0x10000;
        hi = 0x18000;
      }
      default -> {
        lo = 0x18000;
        hi = 0x20000;
      }
    }
    return offset >= lo && offset < hi ? offset : -1;
  }

  @Override
  public synchronized long read(long offset, int size) {
    long v = 0;
    for (int i = 0; i < size; i++) {
      long at = windowToVram(offset + i);
      long b = at < 0 ? 0xff : vram.get(ValueLayout.JAVA_BYTE, at) & 0xff;
      v |= b << (8 * i);
    }
    return v;
  }

  @Override
  public synchronized void write(long offset, int size, long value) {
    for (int i = 0; i < size; i++) {
      long at = windowToVram(offset + i);
      if (at >= 0) {
        vram.set(ValueLayout.JAVA_BYTE, at, (byte) (value >>> (8 * i)));
      }
    }
  }

  /** Frees the VRAM; the framebuffer segment becomes unusable. */
  @Override
  public void close() {
    arena.close();
  }

  @Override
  public String toString() {
    return "VGA";
  }
}
