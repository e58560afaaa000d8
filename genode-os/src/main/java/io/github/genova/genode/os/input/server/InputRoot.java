package io.github.genova.genode.os.input.server;

import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.input.InputSession;

/**
 * The root of a driver's Input service: creates a session per request (refusing a donation that does not
 * cover {@link #SESSION_RAM} and {@link #SESSION_CAPS}), each with an event dataspace of its own, all
 * flushing the driver's one {@link EventQueue} (as in classic Genode, where a driver serves one client and
 * concurrent sessions take turns on the queue); closes them, freeing their dataspaces. Sessions are served
 * by the component's entrypoint.
 */
public final class InputRoot extends RootComponent<InputSession> {
  /** RAM a session costs the client's donation: its event dataspace and one page of state. */
  public static final RamQuota SESSION_RAM = RamQuota.of(InputSession.DATASPACE_SIZE + 4096);
  /** Capabilities a session costs: its RPC object's portal and its dataspace. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);

  private final Env env;
  private final EventQueue queue;

  /** Creates the root of sessions on {@code queue}, served on {@code env}'s entrypoint. */
  public InputRoot(Env env, EventQueue queue) {
    super(env.ep(), InputSession.class, SESSION_RAM, SESSION_CAPS, env.log());
    this.env = env;
    this.queue = queue;
  }

  @Override
  protected InputSession createSession(SessionArgs args) throws ServiceDenied {
    try {
      return new InputSessionComponent(queue, AttachedRamDataspace.allocate(env, InputSession.DATASPACE_SIZE));
    } catch (AttachedRamDataspace.AllocationFailed e) {
      throw new ServiceDenied("no room for an Input event dataspace: " + e.getMessage());
    }
  }

  @Override
  protected void destroySession(InputSession session) {
    if (session instanceof InputSessionComponent component) {
      component.destroy();
    }
  }
}
