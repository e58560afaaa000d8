package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.framebuffer.FramebufferConnection;
import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.input.InputConnection;
import io.github.genova.genode.os.nitpicker.NitpickerSession;
import io.github.genova.genode.os.timer.TimerConnection;
import java.util.ArrayList;
import java.util.List;

/**
 * Genode's classic GUI server {@code nitpicker} as a component: opens a Framebuffer (the screen), an Input
 * (keyboard and mouse) and a Timer session at its parent, paints the screen, and announces the {@value
 * NitpickerSession#SERVICE_NAME} service, whose clients draw into buffers of their own and show them
 * through views (see {@link ViewStack}). Its thread {@code "input"} sleeps {@value #POLL_MS} ms, then calls
 * the {@link UserInputHandler} on the entrypoint, which flushes the physical input, routes it (see {@link
 * UserState}) and redraws what changed. A refused session or a screen in a format other than RGB565 is
 * logged as an error and nitpicker exits with 1.
 */
public final class Nitpicker implements Component {
  /** How often nitpicker polls its input, in milliseconds. */
  public static final long POLL_MS = 10;

  /** Creates nitpicker's code (its factory does). */
  public Nitpicker() {}

  @Override
  public void construct(Env env) {
    List<AutoCloseable> opened = new ArrayList<>();
    String opening = "Framebuffer";
    try {
      FramebufferConnection screen = new FramebufferConnection(env);
      opened.add(screen);
      opening = "Input";
      InputConnection input = new InputConnection(env);
      opened.add(input);
      opening = "Timer";
      TimerConnection timer = new TimerConnection(env);
      opened.add(timer);
      if (screen.mode().format() != PixelFormat.RGB565) {
        env.log().error("cannot draw on a screen of " + screen.mode().format());
        fail(env, opened);
        return;
      }
      ViewStack stack = new ViewStack(env, screen);
      UserState user = new UserState(stack, env.log());
      stack.flush();
      UserInputHandler handler = () -> {
        if (input.isPending()) {
          user.handle(input.flush());
        }
        stack.flush();
      };
      UserInputHandler client = RpcInterface.of(UserInputHandler.class)
          .client(env.ep().manage(UserInputHandler.class, handler));
      env.parentInterface().announce(NitpickerSession.SERVICE_NAME,
          env.ep().manage(Root.class, new NitpickerRoot(env, stack, user)));
      env.log().log("serving a " + screen.mode().width() + "x" + screen.mode().height() + " screen");
      new Thread(env.pd(), "input", env.cpu()) {
        @Override
        protected void entry() {
          while (true) {
            timer.msleep(POLL_MS);
            client.handleInput();
          }
        }
      }.start();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error(opening + " session refused: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      fail(env, opened);
    }
  }

  private static void fail(Env env, List<AutoCloseable> opened) {
    for (AutoCloseable c : opened.reversed()) {
      try {
        c.close();
      } catch (Exception e) {
        env.log().warning("closing " + c + " failed: " + e.getMessage());
      }
    }
    env.parentInterface().exit(1);
  }
}
