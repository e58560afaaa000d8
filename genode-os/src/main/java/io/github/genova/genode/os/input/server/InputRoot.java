package io.github.genova.genode.os.input.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionArgsException;
import io.github.genova.genode.os.input.InputSession;

/**
 * The root of a driver's Input service: creates a session per request (refusing a donation that does not
 * cover {@link #SESSION_RAM} and {@link #SESSION_CAPS}), each with an event dataspace of its own, all
 * flushing the driver's one {@link EventQueue} (as in classic Genode, where a driver serves one client and
 * concurrent sessions take turns on the queue); closes them, freeing their dataspaces. Sessions are served
 * by the component's entrypoint.
 */
public final class InputRoot implements Root {
  /** RAM a session costs the client's donation: its event dataspace and one page of state. */
  public static final RamQuota SESSION_RAM = RamQuota.of(InputSession.DATASPACE_SIZE + 4096);
  /** Capabilities a session costs: its RPC object's portal and its dataspace. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);

  private final Env env;
  private final EventQueue queue;

  /** Creates the root of sessions on {@code queue}, served on {@code env}'s entrypoint. */
  public InputRoot(Env env, EventQueue queue) {
    this.env = env;
    this.queue = queue;
  }

  @Override
  public Capability<Object> session(String args) throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    try {
      Session.Resources.from(SessionArgs.parse(args)).deduct(SESSION_RAM, SESSION_CAPS);
    } catch (SessionArgsException e) {
      env.log().warning("Input session: malformed arguments: " + e.getMessage());
      throw new ServiceDenied("malformed Input session arguments: " + e.getMessage());
    }
    Capability<Dataspace> ds;
    try {
      ds = env.pdSession().allocRam(InputSession.DATASPACE_SIZE);
    } catch (OutOfRam | OutOfCaps e) {
      throw new ServiceDenied("no room for an Input event dataspace: " + e.getMessage());
    }
    long at;
    try {
      at = env.rm().attach(ds, 0, 0, false, 0, true);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      env.pdSession().freeRam(ds);
      throw new ServiceDenied("cannot attach an Input event dataspace: " + e.getMessage());
    }
    return env.ep().manage(InputSession.class, new InputSessionComponent(env, queue, ds, at)).cast();
  }

  @Override
  public void upgrade(Capability<Object> session, String args) {
    // A session's needs do not grow: the upgrade is accepted and kept.
  }

  @Override
  public void close(Capability<Object> session) {
    InputSessionComponent component = env.ep().apply(session, InputSessionComponent.class);
    if (component == null) {
      return;
    }
    env.ep().dissolve(component);
    env.rm().detach(component.attachedAt());
    env.pdSession().freeRam(component.dataspace());
  }
}
