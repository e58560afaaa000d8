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
 * A service a child provides (Genode's {@code Child_service}): requests go to the root the child announced,
 * by RPC; donations go to the server child's accounts.
 */
public final class ChildService implements Service {
  private final String name;
  private final Child server;
  private final Capability<Root> rootCap;
  private final Root root;

  /** Creates the service {@code name} that {@code server} announced with {@code root}. */
  public ChildService(String name, Child server, Capability<Root> root) {
    this.name = name;
    this.server = server;
    this.rootCap = root;
    this.root = RpcInterface.of(Root.class).client(root);
  }

  /** Returns the child that provides the service. */
  public Child server() {
    return server;
  }

  /** Returns the root capability the server announced. */
  public Capability<Root> rootCap() {
    return rootCap;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public QuotaAccounts accounts() {
    return server.accounts();
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
