package io.github.genova.genode.base.root;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.rpc.Bound;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.ServiceDenied;

/**
 * The server side of a service as its parent sees it (Genode's {@code Root}): creates, upgrades and closes
 * sessions. A server announces one root per service to its parent; the parent calls it for the sessions it
 * routes there, after moving the request's donation to the server.
 */
public interface Root {
  /** The longest session-argument string, in bytes including the terminating NUL. */
  int ARGS_BOUND = 256;

  /**
   * Creates a session.
   *
   * @param args the session arguments, {@code ram_quota} and {@code cap_quota} being what was donated
   * @return the session's capability
   * @throws ServiceDenied if the arguments are malformed or the server offers no such session
   * @throws InsufficientRamQuota if the donated RAM does not cover the session
   * @throws InsufficientCapQuota if the donated capabilities do not cover the session
   */
  @RpcFunction(0)
  Capability<Object> session(@Bound(ARGS_BOUND) String args)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota;

  /**
   * Adds the {@code ram_quota} and {@code cap_quota} of {@code args} to session {@code session}'s
   * resources; an unknown session is ignored.
   */
  @RpcFunction(1)
  void upgrade(Capability<Object> session, @Bound(ARGS_BOUND) String args);

  /** Closes session {@code session}; an unknown session is ignored. */
  @RpcFunction(2)
  void close(Capability<Object> session);
}
