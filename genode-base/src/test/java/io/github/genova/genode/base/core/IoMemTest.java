package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.io.IoMemSession;
import io.github.genova.genode.base.io.IoPortSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.vga.FramebufferImage;
import io.github.genova.platform.device.vga.Vga;
import io.github.genova.platform.firmware.SystemBios;
import io.github.genova.platform.firmware.VgaOptionRom;
import io.github.genova.platform.pc.StandardPc;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Core's IO_MEM service on a machine with the standard PC devices: a driver maps the VGA's linear
 * framebuffer and draws into it; RAM, ranges outside any device and ranges in use are denied.
 */
class IoMemTest {
  private static final long AT = 0x2000_0000L;
  private static final long LFB = Vga.DEFAULT_LFB;
  private static final int WIDTH = 64;
  private static final int HEIGHT = 48;

  /** Boots core on a standard PC and returns it with its VGA, running {@code init} as init. */
  private static final class Pc {
    final CoreScenario scenario;
    @Nullable Vga vga;

    Pc() {
      this(false);
    }

    /** With {@code posted}, the system BIOS runs its POST before the kernel boots, as a real PC's does. */
    Pc(boolean posted) {
      scenario = new CoreScenario(config -> {
        Machine machine = Machine.builder()
            .cpus(config.cpus())
            .ram(config.ramBytes())
            .virtualTime(true)
            .devices(StandardPc.devices())
            .build();
        vga = StandardPc.of(machine).vga();
        if (posted) {
          SystemBios.post(machine);
        }
        return NovaKernel.boot(machine, config);
      });
    }

    /** Runs {@code init}, then {@code machineCheck} while the machine still runs. */
    void run(Consumer<Env> init, Consumer<Vga> machineCheck) {
      scenario.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
        init.accept(env);
        env.parentInterface().exit(0);
      }), core -> {
        scenario.awaitLine("child \"init\" exited with exit value 0");
        machineCheck.accept(java.util.Objects.requireNonNull(vga));
      });
    }
  }

  private static Connection<IoMemSession> ioMem(Env env, long base, long size) throws ServiceDenied {
    try {
      return new Connection<>(env, IoMemSession.class, IoMemSession.SERVICE_NAME,
          SessionArgs.parse("base=" + base + ", size=" + size + ", wc=yes, ram_quota=6K, cap_quota=3"));
    } catch (ServiceDenied e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String phys(Connection<IoMemSession> session) {
    return Long.toHexString(RpcInterface.of(Dataspace.class).client(session.session().dataspace()).physAddr());
  }

  /** Sets a DISPI mode through an IO_PORT session, as the VESA driver's mode switch does. */
  private static void setMode(Env env, int width, int height, int bpp) throws Exception {
    try (var dispi = new Connection<>(env, IoPortSession.class, IoPortSession.SERVICE_NAME,
        SessionArgs.parse("io_port_base=0x1ce, io_port_size=3, ram_quota=6K, cap_quota=2"))) {
      IoPortSession p = dispi.session();
      int[][] regs = {{4, 0}, {1, width}, {2, height}, {3, bpp}, {4, 0x41}}; // ENABLE last: enabled | LFB
      for (int[] r : regs) {
        p.outw(0x1ce, r[0]);
        p.outw(0x1cf, r[1]);
      }
    }
  }

  @Test
  void vgaFramebufferOpenedThroughIoMemShowsTheDriversPixels() {
    Pc pc = new Pc();
    pc.run(env -> {
      try {
        setMode(env, WIDTH, HEIGHT, 32);
        try (var fb = ioMem(env, LFB, (long) WIDTH * HEIGHT * 4)) {
          Capability<Dataspace> ds = fb.session().dataspace();
          Dataspace d = RpcInterface.of(Dataspace.class).client(ds);
          long at = env.rm().attach(ds, 0, 0, true, AT, true);
          for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
              env.memory().writeInt(at + ((long) y * WIDTH + x) * 4, x == y ? 0xff0000 : 0x000080 + x);
            }
          }
          env.log().log("phys " + Long.toHexString(d.physAddr()) + " size " + d.size() + " writable "
              + d.writable() + " read back " + Integer.toHexString(env.memory().readInt(at + 4 * (WIDTH + 1))));
          env.rm().detach(at);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, vga -> {
      FramebufferImage image = vga.snapshot();
      assertThat(image.width()).isEqualTo(WIDTH);
      assertThat(image.pixel(5, 5)).isEqualTo(0xffff0000);
      assertThat(image.pixel(7, 3)).isEqualTo(0xff000087);
      assertThat(image.pixel(HEIGHT - 1, HEIGHT - 1)).isEqualTo(0xffff0000);
      assertThat(image.pixel(WIDTH - 1, HEIGHT - 1)).isEqualTo(0xff0000bf);
    });
    assertThat(pc.scenario.console).contains("[init] phys e0000000 size 12288 writable true read back ff0000");
  }

  @Test
  void ioMemForRamForNoDeviceOrForARangeInUseIsDeniedWithTheRangeNamed() {
    Pc pc = new Pc();
    pc.run(env -> {
      try {
        for (long[] r : new long[][] {{0x10_0000, 0x1000}, {0xf000_0000L, 0x2000}, {LFB + Vga.VRAM_BYTES, 0x1000}}) {
          try (var denied = ioMem(env, r[0], r[1])) {
            env.log().log("granted " + Long.toHexString(r[0]) + " " + denied.cap());
          } catch (ServiceDenied e) {
            env.log().log("denied " + Long.toHexString(r[0]));
          }
        }
        try (var first = ioMem(env, LFB, 0x2000)) {
          env.log().log("first at " + phys(first));
          try (var overlapping = ioMem(env, LFB + 0x1800, 0x10)) {
            env.log().log("overlapping granted " + overlapping.cap());
          } catch (ServiceDenied e) {
            env.log().log("overlapping denied");
          }
          try (var beside = ioMem(env, LFB + 0x2000, 0x1000)) {
            env.log().log("beside granted at " + phys(beside));
          }
        }
        try (var again = ioMem(env, LFB + 0x1800, 0x10)) {
          env.log().log("after close granted at " + phys(again));
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, vga -> { });
    assertThat(pc.scenario.console).contains("[init] denied 100000", "[init] denied f0000000",
        "[init] denied e1000000", "[init] overlapping denied", "[init] first at e0000000",
        "[init] beside granted at e0002000", "[init] after close granted at e0001000");
    assertThat(pc.scenario.console).anyMatch(l -> l.contains("[0x100000, 0x101000) is RAM"));
    assertThat(pc.scenario.console).anyMatch(l -> l.contains("[0xf0000000, 0xf0002000) is outside any device"));
    assertThat(pc.scenario.console)
        .anyMatch(l -> l.contains("[0xe0001000, 0xe0002000) overlaps [0xe0000000, 0xe0002000)"));
  }

  /** Opens {@code [base, base + size)}, logs what it granted and the first bytes, or that it was denied. */
  private static void probe(Env env, long base, long size, int bytes) {
    try (var window = ioMem(env, base, size)) {
      long at = env.rm().attach(window.session().dataspace(), 0, 0, true, AT, true);
      StringBuilder seen = new StringBuilder();
      for (int i = 0; i < bytes; i++) {
        seen.append(String.format(" %02x", env.memory().readByte(at + i) & 0xff));
      }
      env.rm().detach(at);
      env.log().log("granted " + Long.toHexString(base) + " at " + phys(window) + ":" + seen);
    } catch (ServiceDenied e) {
      env.log().log("denied " + Long.toHexString(base));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void onAPostedPcTheBiosDataPageAndTheOptionRomAreDeviceMemoryForIoMem() {
    Pc pc = new Pc(true);
    pc.run(env -> {
      probe(env, 0, 0x1000, 0x44); // up to the int 10h vector (40h) and its segment
      probe(env, 0xc0000, 0x10000, 3);
      probe(env, 0x1000, 0x1000, 0);
    }, vga -> { });
    assertThat(pc.scenario.console).anyMatch(l -> l.startsWith("[init] granted 0 at 0:") && l.endsWith(" 00 c0"))
        .contains("[init] granted c0000 at c0000: 55 aa " + String.format("%02x", VgaOptionRom.image()[2]),
            "[init] denied 1000");
    assertThat(pc.scenario.console).anyMatch(l -> l.contains("[0x1000, 0x2000) is RAM"));
  }

  @Test
  void withoutAPostPageZeroIsNoDeviceMemory() {
    Pc pc = new Pc();
    pc.run(env -> probe(env, 0, 0x1000, 0), vga -> { });
    assertThat(pc.scenario.console).contains("[init] denied 0");
  }

  @Test
  void closingTheSessionRevokesTheMappingsOfItsRange() {
    Pc pc = new Pc();
    pc.run(env -> {
      try {
        setMode(env, WIDTH, HEIGHT, 32);
        var fb = ioMem(env, LFB, 0x1000);
        long at = env.rm().attach(fb.session().dataspace(), 0, 0, true, AT, true);
        env.memory().writeInt(at, 0x00ff00);
        fb.close();
        Thread late = new Thread(env.pd(), "late", env.cpu()) {
          @Override
          protected void entry() {
            env.memory().writeInt(at + 4, 0x0000ff); // faults: the region's frames are gone
            env.log().log("late write went through");
          }
        };
        late.start();
        for (int i = 0; i < 1000 && env.rm().fault().address() != at + 4; i++) {
          pc.scenario.sleep(1000); // virtual time: the late thread runs meanwhile
        }
        env.log().log("late write faulted at " + Long.toHexString(env.rm().fault().address()));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }, vga -> {
      assertThat(vga.vram().get(ValueLayout.JAVA_INT_UNALIGNED, 0)).isEqualTo(0x00ff00);
      assertThat(vga.vram().get(ValueLayout.JAVA_INT_UNALIGNED, 4)).isZero();
    });
    assertThat(pc.scenario.console).contains("[init] late write faulted at 20000004")
        .doesNotContain("[init] late write went through");
  }
}
