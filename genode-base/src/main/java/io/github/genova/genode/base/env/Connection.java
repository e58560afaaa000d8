package io.github.genova.genode.base.env;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * An open session of service type {@code S} (Genode's {@code Connection<S>}): opened through the
 * component's parent with the session arguments (label, {@code ram_quota}, {@code cap_quota} and the
 * service's own keys), closed on {@link #close()}, which returns the donation to the component.
 *
 * <pre>{@code
 * try (var log = new Connection<>(env, LogSession.class, LogSession.SERVICE_NAME,
 *     SessionArgs.parse("label=\"x\", ram_quota=8K, cap_quota=2"))) {
 *   log.session().write("hello");
 * }
 * }</pre>
 *
 * @param <S> the session interface
 */
public final class Connection<S> implements AutoCloseable {
  private final Parent parent;
  private final Capability<S> cap;
  private final S session;
  private boolean closed;

  /**
   * Opens a session of {@code service} with {@code args}.
   *
   * @throws ServiceDenied if the parent finds no route or the server refuses
   * @throws OutOfRam if the component cannot donate the {@code ram_quota}
   * @throws OutOfCaps if the component cannot donate the {@code cap_quota}
   * @throws InsufficientRamQuota if the server needs a larger {@code ram_quota}
   * @throws InsufficientCapQuota if the server needs a larger {@code cap_quota}
   */
  public Connection(Env env, Class<S> type, String service, SessionArgs args)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.parent = env.parentInterface();
    this.cap = parent.session(service, args.toString()).cast();
    this.session = RpcInterface.of(type).client(cap);
  }

  /** Returns the session's client. */
  public S session() {
    return session;
  }

  /** Returns the session's capability. */
  public Capability<S> cap() {
    return cap;
  }

  /**
   * Donates {@code ram} and {@code caps} more to the session's server (Genode's {@code upgrade}).
   *
   * @throws OutOfRam if the component cannot donate the RAM
   * @throws OutOfCaps if the component cannot donate the capabilities
   */
  public void upgrade(RamQuota ram, CapQuota caps) throws OutOfRam, OutOfCaps {
    parent.upgrade(cap.cast(), SessionArgs.empty().with("ram_quota", ram.value())
        .with("cap_quota", caps.value()).toString());
  }

  /** Closes the session; its donation returns to the component. Closing twice has no effect. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    parent.close(cap.cast());
  }
}
