package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A service of the parent's own parent (Genode's {@code Parent_service}), as init passes its children's
 * requests for core's services on: the donation reaches the parent's own accounts, and the parent donates
 * it onwards with its own request.
 *
 * @param name the service name
 * @param parent the parent's parent
 * @param accounts the parent's own accounts
 */
public record ParentService(String name, Parent parent, QuotaAccounts accounts) implements Service {
  @Override
  public Capability<Object> session(SessionArgs args)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    try {
      return parent.session(name, args.toString());
    } catch (OutOfRam e) {
      // The donation reached our account but our parent could not take it from there: our account is
      // charged elsewhere. For the requesting child it is the server side that lacks RAM.
      throw new InsufficientRamQuota();
    } catch (OutOfCaps e) {
      throw new InsufficientCapQuota();
    }
  }

  @Override
  public void upgrade(Capability<Object> session, SessionArgs args) {
    try {
      parent.upgrade(session, args.toString());
    } catch (OutOfRam | OutOfCaps e) {
      throw new IllegalStateException("cannot pass an upgrade of " + name + " on: " + e.getMessage(), e);
    }
  }

  @Override
  public void close(Capability<Object> session) {
    parent.close(session);
  }
}
