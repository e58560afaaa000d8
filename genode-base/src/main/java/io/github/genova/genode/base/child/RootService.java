package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A service reached through its root: a root object in the parent's own PD (Genode's {@code Local_service},
 * as core's services are to core; donations go to the parent's accounts), or the root a child announced
 * (Genode's {@code Child_service}; called by RPC, donations go to the server child's accounts).
 *
 * @param name the service name
 * @param root the root, a local object or an RPC client
 * @param accounts where the donations of the service's sessions go
 */
public record RootService(String name, Root root, QuotaAccounts accounts) implements Service {
  /** Returns the service {@code name} that child {@code server} announced with {@code root}. */
  public static RootService announcedBy(Child server, String name, Capability<Root> root) {
    return new RootService(name, RpcInterface.of(Root.class).client(root), server.accounts());
  }

  @Override
  public Capability<Object> session(SessionArgs args)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    return root.session(args.toString());
  }

  @Override
  public void upgrade(Capability<Object> session, SessionArgs args) {
    root.upgrade(session, args.toString());
  }

  @Override
  public void close(Capability<Object> session) {
    root.close(session);
  }
}
