package io.github.genova.genode.os.nitlog;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * The root of nitlog's {@value LogSession#SERVICE_NAME} service: creates a session per request (refusing a
 * donation that does not cover {@link #SESSION_RAM} and {@link #SESSION_CAPS}, as core's LOG costs), labelled
 * with the request's label and coloured with {@link Nitlog#labelColour} of its number. Sessions are served
 * by nitlog's entrypoint, one write at a time.
 */
final class NitlogRoot extends RootComponent<LogSession> {
  /** RAM a session costs: its state. */
  static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** Capabilities a session costs: its RPC object's portal. */
  static final CapQuota SESSION_CAPS = CapQuota.of(1);

  private final Env env;
  private final LogWindow window;
  private final WindowPainter painter;
  private int sessions;

  NitlogRoot(Env env, LogWindow window, WindowPainter painter) {
    super(env.ep(), LogSession.class, SESSION_RAM, SESSION_CAPS, env.log());
    this.env = env;
    this.window = window;
    this.painter = painter;
  }

  @Override
  protected LogSession createSession(SessionArgs args) {
    String label = args.label().toString();
    int colour = Nitlog.labelColour(sessions++);
    return text -> painter.paint(env.memory(), window.append(label, colour, Nitlog.TEXT, text));
  }
}
