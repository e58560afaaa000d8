package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.sync.Mutex;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.hw.IoPortConnection;
import io.github.genova.genode.os.hw.Irq;
import io.github.genova.genode.os.hw.IrqConnection;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.input.server.EventQueue;
import io.github.genova.genode.os.input.server.InputRoot;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Genode's PS/2 driver as a component (the binary {@code ps2_drv}): opens IO_PORT sessions for ports 0x60
 * and 0x64 and IRQ sessions for line {@value #KEYBOARD_IRQ} (keyboard) and {@value #MOUSE_IRQ} (mouse) at
 * its parent, resets the i8042, the keyboard and the mouse (see {@link I8042}, {@link Ps2Keyboard}, {@link
 * Ps2Mouse}; without a working mouse it serves the keyboard alone), starts one interrupt thread per line ({@code "ps2_kbd_irq"}, {@code "ps2_aux_irq"}) that reads
 * what the controller holds and queues the decoded events, and announces the {@value
 * InputSession#SERVICE_NAME} service. A refused session or a controller that fails its tests is logged with
 * the reason, what was opened is closed, and the driver exits with 1.
 */
public final class Ps2Driver implements Component {
  /** The keyboard's interrupt line. */
  public static final int KEYBOARD_IRQ = 1;
  /** The mouse's interrupt line. */
  public static final int MOUSE_IRQ = 12;

  /** Creates the driver's code (its factory does). */
  public Ps2Driver() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    List<AutoCloseable> opened = new ArrayList<>();
    String opening = "I/O port 0x60";
    try {
      IoPortConnection data = open(opened, new IoPortConnection(env, I8042.DATA_PORT, 1));
      opening = "I/O port 0x64";
      IoPortConnection control = open(opened, new IoPortConnection(env, I8042.CONTROL_PORT, 1));
      opening = "keyboard IRQ " + KEYBOARD_IRQ;
      IrqConnection kbdIrq = open(opened, new IrqConnection(env, KEYBOARD_IRQ));
      opening = "mouse IRQ " + MOUSE_IRQ;
      IrqConnection auxIrq = open(opened, new IrqConnection(env, MOUSE_IRQ));
      I8042 i8042 = new I8042(data, control);
      EventQueue queue = new EventQueue();
      i8042.reset();
      Ps2Keyboard keyboard = Ps2Keyboard.reset(i8042, queue);
      log.log("keyboard: scan code set " + keyboard.scanCodeSet() + (keyboard.translated() ? " (translated)" : ""));
      Ps2Mouse mouse = mouse(i8042, queue, log);
      i8042.enableInterrupts();
      Mutex controller = new Mutex();
      Runnable handler = () -> {
        controller.acquire();
        try {
          i8042.readPending(keyboard::accept, mouse == null ? b -> { } : mouse::accept);
        } finally {
          controller.release();
        }
      };
      serve(env, "ps2_kbd_irq", kbdIrq, handler);
      serve(env, "ps2_aux_irq", auxIrq, handler);
      env.parentInterface().announce(InputSession.SERVICE_NAME, env.ep().manage(Root.class, new InputRoot(env, queue)));
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error(opening + " of the i8042 refused: " + describe(e));
      fail(env, opened);
    } catch (I8042Fault e) {
      log.error(String.valueOf(e.getMessage()));
      fail(env, opened);
    }
  }

  /** Brings up the mouse; one that fails leaves the driver serving the keyboard alone (with a warning). */
  private static @Nullable Ps2Mouse mouse(I8042 i8042, EventQueue queue, Log log) {
    if (!i8042.auxPresent()) {
      log.warning("no mouse: the auxiliary port failed its test; serving the keyboard only");
      return null;
    }
    try {
      Ps2Mouse mouse = Ps2Mouse.reset(i8042, queue);
      log.log(mouse.wheel() ? "mouse: IntelliMouse with wheel" : "mouse: standard PS/2");
      return mouse;
    } catch (I8042Fault e) {
      log.warning(e.getMessage() + "; serving the keyboard only");
      return null;
    }
  }

  private static <T extends AutoCloseable> T open(List<AutoCloseable> opened, T connection) {
    opened.add(connection);
    return connection;
  }

  private static void serve(Env env, String name, Irq irq, Runnable handler) {
    new Thread(env.pd(), name, env.cpu()) {
      @Override
      protected void entry() {
        while (true) {
          irq.waitForIrq();
          handler.run();
        }
      }
    }.start();
  }

  private static void fail(Env env, List<AutoCloseable> opened) {
    for (AutoCloseable c : opened.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        env.log().warning("closing " + c + " failed: " + describe(e));
      }
    }
    env.parentInterface().exit(1);
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
