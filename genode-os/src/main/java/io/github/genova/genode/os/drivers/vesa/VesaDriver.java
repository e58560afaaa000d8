package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.pci.PciConnection;
import io.github.genova.platform.firmware.BiosCallFailure;
import io.github.genova.platform.firmware.SystemBios;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Genode's classic {@code vesa_drv} as a component: it builds the real-mode sandbox of the first MiB from
 * core's IO_MEM (the vector table and BIOS data page, the VGA window, the option ROM at C0000h — the system
 * BIOS's POST left them as the machine's reserved memory) where core grants those ranges, and from scratch
 * RAM where it does not; runs the VGA option ROM's code in its own x86 interpreter with the VGA's ports
 * reached through IO_PORT sessions and the PCI configuration ports 0xCF8/0xCFC emulated through a PCI
 * session for the VGA device (class 0300h), which the driver keeps; asks VBE for the configured mode
 * (default 1024 × 768 × 16, RGB565) and sets it with its linear framebuffer; maps that framebuffer through
 * IO_MEM and announces the {@value FramebufferSession#SERVICE_NAME} service serving it.
 *
 * <p>Where core does not grant the vector table's page (no system BIOS filled it), the driver points the
 * vectors of its scratch page at an IRET and runs the option ROM's init entry itself first, as a system
 * BIOS does at POST. Without an option ROM at C0000h the driver cannot set a mode.
 *
 * <p>Without a route to a PCI service the driver works as before and says so in its log: the video BIOS sees
 * no PCI devices (the configuration ports read all ones) and the framebuffer is not checked against the
 * VGA's BAR0.
 *
 * <p>Anything that fails — a malformed config, an unsupported mode, refused ports or memory, a BIOS call
 * that does not answer 004Fh — is logged as an error naming what and the driver exits with 1, returning
 * what it opened.
 */
public final class VesaDriver implements Component {
  /** The physical address of a PC's VGA option ROM. */
  public static final long OPTION_ROM = SystemBios.OPTION_ROM_AREA;
  /** The bytes of the option ROM's range the driver asks IO_MEM for (C0000h-CFFFFh). */
  public static final long OPTION_ROM_SIZE = 0x10000L;
  /** The VGA's legacy memory window A0000h-BFFFFh. */
  public static final long VGA_WINDOW = 0xa0000L;
  private static final long VGA_WINDOW_SIZE = 0x20000L;
  private static final long SESSION_RAM = 1024;
  private static final long SESSION_CAPS = 1;

  /** Creates the driver's code (its factory does). */
  public VesaDriver() {}

  /** Something the driver could not do; the message says what. */
  private static final class Abort extends Exception {
    private static final long serialVersionUID = 1L;

    Abort(String message) {
      super(message);
    }
  }

  @Override
  public void construct(Env env) {
    Log log = env.log();
    List<AutoCloseable> sandbox = new ArrayList<>();
    @Nullable IoMemWindow lfb = null;
    @Nullable PciConnection pci = null;
    try {
      VesaConfig config = config(env);
      if (config.depth() != 16) {
        throw new Abort("mode " + config + " is not supported: vesa_drv serves RGB565 (depth 16) only");
      }
      pci = pciConnection(env);
      PciVga.@Nullable Held vga = pci == null ? null : PciVga.find(pci).orElse(null);
      if (pci != null && vga == null) {
        log.warning("no VGA controller on the PCI bus: the video BIOS sees no PCI devices");
      }
      PciConfigPorts pciPorts = vga == null ? null : new PciConfigPorts(vga.device(), vga.vga().address());
      VgaPorts ports = open("VGA I/O ports", () -> new VgaPorts(env, pciPorts));
      sandbox.add(ports);
      RealModeMemory memory = new RealModeMemory(env.memory());
      boolean ownVectors = !mapDevice(env, memory, sandbox, SystemBios.VECTORS_AND_DATA,
          SystemBios.VECTORS_AND_DATA_SIZE, "vector table and BIOS data");
      mapDevice(env, memory, sandbox, VGA_WINDOW, VGA_WINDOW_SIZE, "VGA window");
      placeOptionRom(env, memory, sandbox);
      VideoBios bios = new VideoBios(memory, ports);
      Vbe vbe = new Vbe(bios, memory);
      VbeMode mode;
      try {
        if (ownVectors) {
          bios.installDefaultVectors();
          bios.initialise((int) (OPTION_ROM >>> 4));
        }
        Vbe.Controller controller = vbe.controller();
        Optional<VbeMode> found = vbe.find(controller, config.width(), config.height(), config.depth());
        if (found.isEmpty()) {
          throw new Abort("mode " + config + " is not supported: the video BIOS offers no such mode with a"
              + " linear framebuffer (" + controller.modes().size() + " modes listed)");
        }
        mode = found.get();
        vbe.setMode(mode);
      } catch (BiosCallFailure e) {
        throw new Abort(String.valueOf(e.getMessage()));
      }
      checkPciFramebuffer(env, vga == null ? null : vga.vga(), mode.physBasePtr());
      long bytes = (long) mode.bytesPerScanLine() * mode.height();
      lfb = open("linear framebuffer " + IoMemWindow.range(mode.physBasePtr(), bytes),
          () -> new IoMemWindow(env, mode.physBasePtr(), bytes));
      closeAll(sandbox, log);
      announce(env, lfb, new Mode(mode.width(), mode.height(), PixelFormat.RGB565));
      log.log("using video mode: " + config + " (VBE mode 0x" + Integer.toHexString(mode.number())
          + ") framebuffer at 0x" + Long.toHexString(mode.physBasePtr()));
    } catch (Abort e) {
      log.error(String.valueOf(e.getMessage()));
      closeAll(sandbox, log);
      if (lfb != null) {
        lfb.close();
      }
      if (pci != null) {
        pci.close();
      }
      env.parentInterface().exit(1);
    }
  }

  /**
   * Opens the PCI session the VGA device comes from, or returns null — logging that the video BIOS will see
   * no PCI devices and the framebuffer goes unchecked — when no route leads to a PCI service.
   */
  private static @Nullable PciConnection pciConnection(Env env) {
    try {
      return new PciConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().log("no PCI service (" + e.getClass().getSimpleName() + ": " + e.getMessage() + "): the video"
          + " BIOS sees no PCI devices and the framebuffer is not checked against the VGA's BAR0");
      return null;
    }
  }

  /** Logs the VGA the PCI session handed out, with a warning if its BAR0 is not the framebuffer. */
  private static void checkPciFramebuffer(Env env, @Nullable PciVga vga, long framebuffer) {
    if (vga == null) {
      return;
    }
    if (vga.bar0() != framebuffer) {
      env.log().warning(vga + " is not the framebuffer 0x" + Long.toHexString(framebuffer)
          + " the video BIOS reported");
    } else {
      env.log().log(vga.toString());
    }
  }

  private static VesaConfig config(Env env) throws Abort {
    String xml;
    try (AttachedRomDataspace rom = new AttachedRomDataspace(env, "config")) {
      xml = rom.text();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      return VesaConfig.DEFAULT;
    }
    try {
      return VesaConfig.parse(xml);
    } catch (VesaConfig.Invalid e) {
      throw new Abort(String.valueOf(e.getMessage()));
    }
  }

  /** Opens a session the driver cannot do without. */
  private interface Opener<T> {
    T open() throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota;
  }

  private static <T> T open(String what, Opener<T> opener) throws Abort {
    try {
      return opener.open();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      throw new Abort(what + " refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /**
   * Maps the machine's {@code [base, base + size)} into the sandbox if core grants it as IO_MEM; returns
   * whether it did (otherwise the range stays scratch RAM, and the log says so).
   */
  private static boolean mapDevice(Env env, RealModeMemory memory, List<AutoCloseable> sandbox, long base,
      long size, String what) {
    try {
      IoMemWindow window = new IoMemWindow(env, base, size);
      sandbox.add(window);
      memory.map(base, size, window.address());
      return true;
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().warning("IO_MEM " + IoMemWindow.range(base, size) + " (" + what + ") not granted ("
          + e.getMessage() + "): scratch RAM instead");
      return false;
    }
  }

  /** Maps the machine's option ROM at C0000h into the sandbox; without one the driver cannot go on. */
  private static void placeOptionRom(Env env, RealModeMemory memory, List<AutoCloseable> sandbox) throws Abort {
    if (!mapDevice(env, memory, sandbox, OPTION_ROM, OPTION_ROM_SIZE, "option ROM")) {
      throw new Abort("no VGA option ROM: IO_MEM " + IoMemWindow.range(OPTION_ROM, OPTION_ROM_SIZE)
          + " not granted");
    }
    if (!hasRomSignature(memory)) {
      throw new Abort("no VGA option ROM at 0x" + Long.toHexString(OPTION_ROM) + " (no 55 AA signature)");
    }
  }

  private static boolean hasRomSignature(RealModeMemory memory) {
    return memory.read8(OPTION_ROM) == 0x55 && memory.read8(OPTION_ROM + 1) == 0xaa;
  }

  private static void announce(Env env, IoMemWindow lfb, Mode mode) {
    RootComponent<FramebufferSession> root = new RootComponent<>(env.ep(), FramebufferSession.class,
        RamQuota.of(SESSION_RAM), CapQuota.of(SESSION_CAPS), env.log()) {
      @Override
      protected FramebufferSession createSession(SessionArgs args) {
        return new VesaFramebuffer(lfb.dataspace(), mode);
      }
    };
    env.parentInterface().announce(FramebufferSession.SERVICE_NAME, env.ep().manage(Root.class, root));
  }

  private static void closeAll(List<AutoCloseable> resources, Log log) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        log.warning("closing " + resources.get(i) + ": " + e.getMessage());
      }
    }
    resources.clear();
  }
}
