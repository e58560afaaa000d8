package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A service as one routing decision reached it: the session is created with the arguments init decided on
 * (the label prefixed with the child's name, a CPU priority moved into the child's band, a configfile's
 * name), whatever arguments the caller passes; upgrades and closes go to the service unchanged.
 *
 * @param target the service the request was routed to
 * @param routedArgs the arguments init passes on
 */
record RoutedService(Service target, SessionArgs routedArgs) implements Service {
  @Override
  public String name() {
    return target.name();
  }

  @Override
  public QuotaAccounts accounts() {
    return target.accounts();
  }

  @Override
  public Capability<Object> session(SessionArgs args)
      throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    return target.session(routedArgs);
  }

  @Override
  public void upgrade(Capability<Object> session, SessionArgs args) {
    target.upgrade(session, args);
  }

  @Override
  public void close(Capability<Object> session) {
    target.close(session);
  }
}
