package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A service whose root lives in the parent's own PD (Genode's {@code Local_service}), as core's services are
 * to core: requests call the root directly, donations go to the parent's own accounts.
 *
 * @param name the service name
 * @param root the root object
 * @param accounts the parent's accounts, which the root charges
 */
public record LocalService(String name, Root root, QuotaAccounts accounts) implements Service {
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
