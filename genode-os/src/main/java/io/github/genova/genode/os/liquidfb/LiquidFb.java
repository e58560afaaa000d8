package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.input.server.EventQueue;
import io.github.genova.genode.os.input.server.InputRoot;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.timer.TimerConnection;

/**
 * Genode's classic demo component {@code liquid_fb} (the "liquid framebuffer") as a component: a
 * nitpicker client that serves one client a {@value FramebufferSession#SERVICE_NAME} session and an {@value
 * InputSession#SERVICE_NAME} session, showing the client's picture in a decorated window (see {@link
 * Decoration}) that the user moves by its title bar and resizes by its handle (see {@link WindowInput}). The
 * window's content area lies where {@link LiquidFbConfig} says, {@code xpos}, {@code ypos}, {@code width} ×
 * {@code height} (default 400, 270, 500 × 400), titled by {@code title}.
 *
 * <p>At start liquid_fb opens a Timer and a Nitpicker session (its buffer as large as the window at the
 * configured size) and allocates the client's picture from its own RAM, so its RAM quantum must cover the
 * picture ({@code width · height · 2} bytes) and the nitpicker buffer's donation. Its thread {@code "input"}
 * flushes nitpicker's events every {@value #POLL_MS} ms. A malformed config, a refused session or too little
 * RAM is logged as an error naming what is wrong, and liquid_fb exits with 1.
 */
public final class LiquidFb implements Component {
  /** How often liquid_fb looks for nitpicker's events, in milliseconds (as nitpicker polls its own). */
  public static final long POLL_MS = 10;

  /** Creates liquid_fb's code (its factory does). */
  public LiquidFb() {}

  @Override
  public void construct(Env env) {
    LiquidFbConfig config;
    try {
      config = config(env);
    } catch (LiquidFbConfig.Invalid e) {
      env.log().error(String.valueOf(e.getMessage()));
      env.parentInterface().exit(1);
      return;
    }
    TimerConnection timer;
    try {
      timer = new TimerConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      refused(env, "Timer", e);
      return;
    }
    Decoration largest = new Decoration(config.width(), config.height());
    NitpickerConnection nitpicker;
    try {
      nitpicker = new NitpickerConnection(env, largest.width(), largest.height());
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      timer.close();
      refused(env, "Nitpicker", e);
      return;
    }
    AttachedRamDataspace picture;
    try {
      picture = AttachedRamDataspace.allocate(env, 2L * config.width() * config.height());
    } catch (AttachedRamDataspace.AllocationFailed e) {
      nitpicker.close();
      timer.close();
      env.log().error("no RAM for the client's " + config.width() + "x" + config.height() + " picture: "
          + e.getMessage());
      env.parentInterface().exit(1);
      return;
    }
    Rect content = largest.content();
    LiquidWindow window = new LiquidWindow(env, nitpicker, picture, largest, config.xpos() - content.x(),
        config.ypos() - content.y(), config.title());
    EventQueue queue = new EventQueue();
    WindowInput input = new WindowInput(window, queue);
    env.parentInterface().announce(FramebufferSession.SERVICE_NAME,
        env.ep().manage(Root.class, new FramebufferRoot(env, window)));
    env.parentInterface().announce(InputSession.SERVICE_NAME, env.ep().manage(Root.class, new InputRoot(env, queue)));
    env.log().log("window \"" + config.title() + "\": " + config.width() + "x" + config.height() + " at "
        + config.xpos() + "," + config.ypos());
    new Thread(env.pd(), "input", env.cpu()) {
      @Override
      protected void entry() {
        while (true) {
          timer.msleep(POLL_MS);
          if (nitpicker.inputPending()) {
            input.handle(nitpicker.flushInput());
          }
        }
      }
    }.start();
  }

  private static void refused(Env env, String service, Exception e) {
    env.log().error(service + " session refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    env.parentInterface().exit(1);
  }

  /** Reads the config ROM; without one, Genode's defaults. */
  private static LiquidFbConfig config(Env env) throws LiquidFbConfig.Invalid {
    String xml;
    try (AttachedRomDataspace rom = new AttachedRomDataspace(env, "config")) {
      xml = rom.text();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      return LiquidFbConfig.DEFAULT;
    }
    return LiquidFbConfig.parse(xml);
  }
}
