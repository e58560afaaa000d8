package io.github.genova.genode.os.input;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.AttachedDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's Input session (Genode's {@code Input::Connection} with the event dataspace attached): opens
 * the session through the component's parent, attaches its event dataspace read-only to the component's
 * address space, and turns a {@link InputSession#flush()} into the list of events it copied there. One
 * thread at a time uses a connection. {@link #InputConnection(Env, Capability, Runnable)} wraps a session
 * someone else handed out (the Input session of a Nitpicker session).
 */
public final class InputConnection implements AutoCloseable {
  /** RAM a client donates for an Input session (Genode's default donation): the event dataspace and more. */
  public static final long RAM_QUOTA = 16 * 1024;
  /** Capabilities a client donates for an Input session: the session object and its dataspace, and one spare. */
  public static final long CAP_QUOTA = 3;

  private final Env env;
  private final Runnable closeSession;
  private final InputSession session;
  private final AttachedDataspace events;
  private boolean closed;

  /**
   * Opens an Input session through the parent of {@code env}'s component and attaches its event dataspace.
   *
   * @throws ServiceDenied if no route leads to an Input service, the server refuses, or the dataspace cannot
   *     be attached (the session is closed again)
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public InputConnection(Env env)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this(env, new Connection<>(env, InputSession.class, InputSession.SERVICE_NAME,
        SessionArgs.empty().with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA)));
  }

  private InputConnection(Env env, Connection<InputSession> connection) throws ServiceDenied {
    this(env, connection.cap(), connection::close);
  }

  /**
   * Wraps the open Input session {@code cap} and attaches its event dataspace.
   *
   * @param closeSession closes the session where it was opened (run also when the attach fails)
   * @throws ServiceDenied if the event dataspace cannot be attached
   */
  public InputConnection(Env env, Capability<InputSession> cap, Runnable closeSession) throws ServiceDenied {
    this.env = env;
    this.closeSession = closeSession;
    this.session = RpcInterface.of(InputSession.class).client(cap);
    try {
      this.events = AttachedDataspace.attach(env, session.dataspace(), false);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      closeSession.run();
      throw new ServiceDenied("cannot attach the Input event dataspace: " + e.getMessage());
    }
  }

  /** Returns whether the server has events queued. */
  public boolean isPending() {
    return session.isPending();
  }

  /** Flushes the server's queue (see {@link InputSession#flush()}) and returns the events, oldest first. */
  public List<InputEvent> flush() {
    int count = session.flush();
    int n = Math.clamp(count, 0, InputSession.MAX_EVENTS);
    byte[] raw = new byte[n * InputEvent.SIZE];
    env.memory().read(events.address(), raw, 0, raw.length);
    List<InputEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(InputEvent.readFrom(raw, i * InputEvent.SIZE));
    }
    return events;
  }

  /** Detaches the event dataspace and closes the session. Closing twice has no effect. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    events.close();
    closeSession.run();
  }
}
