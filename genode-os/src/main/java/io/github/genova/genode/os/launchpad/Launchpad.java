package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.init.ConfigException;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.nitpicker.NitpickerConnection;
import io.github.genova.genode.os.nitpicker.View;
import io.github.genova.genode.os.timer.TimerConnection;
import java.util.List;

/**
 * Genode's classic demo component {@code launchpad} as a component: reads its launchers from ROM {@code
 * config} ({@link LaunchpadConfig}; without a config ROM it offers {@link LaunchpadConfig#DEFAULTS}, with a
 * launcher in it it logs the fault and leaves that launcher out, with an unreadable one it logs why and offers
 * none), logs {@code N launchers; <free> of
 * <total> free}, and shows its {@value LaunchpadLayout#WIDTH} × {@value LaunchpadLayout#HEIGHT} window
 * through one nitpicker view titled {@value #TITLE} at ({@value #VIEW_X}, {@value #VIEW_Y}) of its Nitpicker
 * coordinates, as Genode's does. A thread of its own then looks for input every {@value #POLL_MS} ms, acts on
 * it (see {@link LaunchpadWindow}), tears down children that exited and redraws what changed. Its children
 * are {@link LaunchpadChildren}. Without a Nitpicker or Timer session launchpad logs an error and exits with 1.
 */
public final class Launchpad implements Component {
  /** The window's left column, in launchpad's Nitpicker coordinates. */
  public static final int VIEW_X = 550;
  /** The window's top row, in launchpad's Nitpicker coordinates (nitpicker shows it below its menubar). */
  public static final int VIEW_Y = 150;
  /** The view's title. */
  public static final String TITLE = "launchpad";
  /** How often launchpad looks for input and exits, in milliseconds. */
  public static final long POLL_MS = 20;

  private final ComponentRegistry components;

  /** Creates launchpad, which finds its children's binaries in {@code components}. */
  public Launchpad(ComponentRegistry components) {
    this.components = components;
  }

  @Override
  public void construct(Env env) {
    Log log = env.log();
    LaunchpadConfig config = readConfig(env, log);
    config.errors().forEach(log::error);
    LaunchpadChildren children = new LaunchpadChildren(env, components);
    TimerConnection timer;
    NitpickerConnection nitpicker;
    try {
      timer = new TimerConnection(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no Timer session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      env.parentInterface().exit(1);
      return;
    }
    try {
      nitpicker = new NitpickerConnection(env, LaunchpadLayout.WIDTH, LaunchpadLayout.HEIGHT);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no Nitpicker session: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      timer.close();
      env.parentInterface().exit(1);
      return;
    }
    LaunchpadWindow window = new LaunchpadWindow(config.launchers(), children, new LaunchpadPainter(nitpicker),
        VIEW_X, VIEW_Y);
    window.paint(env.memory());
    View view = nitpicker.view(nitpicker.createView());
    view.viewport(VIEW_X, VIEW_Y, LaunchpadLayout.WIDTH, LaunchpadLayout.HEIGHT, 0, 0, false);
    view.title(TITLE);
    view.stack(Capability.invalid(), true, true);
    log.log(config.launchers().size() + " launchers; "
        + LaunchpadPainter.status(children.freeRam(), children.totalRam()));
    // The GUI runs on a thread of its own, so the entrypoint stays free for what launchpad serves its
    // children (their inline configs).
    new Thread(env.pd(), "launchpad", env.cpu()) {
      @Override
      protected void entry() {
        while (true) {
          boolean changed = children.reap();
          if (nitpicker.inputPending()) {
            for (InputEvent e : nitpicker.flushInput()) {
              changed |= window.handle(e);
            }
          }
          if (changed) {
            window.paint(env.memory());
          } else {
            timer.msleep(POLL_MS);
          }
        }
      }
    }.start();
  }

  private static LaunchpadConfig readConfig(Env env, Log log) {
    String xml;
    try (AttachedRomDataspace rom = new AttachedRomDataspace(env, "config")) {
      xml = rom.text();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      return LaunchpadConfig.defaults();
    }
    try {
      return LaunchpadConfig.parse(xml);
    } catch (ConfigException e) {
      log.error("config: " + e.getMessage() + "; offering no launchers");
      return new LaunchpadConfig(List.of(), List.of());
    }
  }
}
