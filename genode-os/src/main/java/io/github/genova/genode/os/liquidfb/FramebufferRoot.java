package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import org.jspecify.annotations.Nullable;

/**
 * The root of liquid_fb's {@value FramebufferSession#SERVICE_NAME} service, which serves one client at a
 * time (Genode's liquid_fb supports one; more clients need more instances): a request while a session is
 * open is refused with {@link ServiceDenied} and an error in the log naming both clients; a donation that
 * does not cover {@link #SESSION_RAM} and {@link #SESSION_CAPS} is refused by the {@link RootComponent}.
 * When the client closes its session, the window keeps its last picture and the next client may connect.
 */
final class FramebufferRoot extends RootComponent<FramebufferSession> {
  /** RAM a session costs the client: its state (the picture is liquid_fb's own, allocated at start). */
  static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** Capabilities a session costs: its RPC object's portal and the picture's dataspace. */
  static final CapQuota SESSION_CAPS = CapQuota.of(2);

  private final LiquidWindow window;
  private @Nullable String client;

  FramebufferRoot(Env env, LiquidWindow window) {
    super(env.ep(), FramebufferSession.class, SESSION_RAM, SESSION_CAPS, env.log());
    this.window = window;
  }

  @Override
  protected FramebufferSession createSession(SessionArgs args) throws ServiceDenied {
    String label = args.label().toString();
    String serving = client;
    if (serving != null) {
      log().error("Framebuffer session of \"" + label + "\" refused: liquid_fb serves one client, \"" + serving
          + "\"");
      throw new ServiceDenied("liquid_fb serves one client and \"" + serving + "\" is connected");
    }
    client = label;
    return new WindowFramebuffer(window);
  }

  @Override
  protected void destroySession(FramebufferSession session) {
    client = null;
  }
}
