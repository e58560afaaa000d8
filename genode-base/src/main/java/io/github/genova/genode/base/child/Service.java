package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A service as a parent sees it (Genode's {@code Service}): where the parent routes a child's session
 * request, and the accounts the request's donation goes to. Implementations: {@link RootService} (a root in
 * the parent's own PD, as core's services are to core, or one a child announced) and {@link ParentService}
 * (the parent's own parent).
 */
public interface Service {
  /** Returns the service's name, e.g. {@code LOG}. */
  String name();

  /**
   * Returns the accounts that receive the donations of this service's sessions, as the parent holds them:
   * the parent's own for local and parent services, the server child's for a child service.
   */
  QuotaAccounts accounts();

  /**
   * Creates a session; the donation is already with {@link #accounts()}.
   *
   * @throws ServiceDenied if the server refuses
   * @throws InsufficientRamQuota if the server needs more RAM than donated
   * @throws InsufficientCapQuota if the server needs more capabilities than donated
   */
  Capability<Object> session(SessionArgs args) throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota;

  /** Tells the server of {@code session} about the additional donation in {@code args}. */
  void upgrade(Capability<Object> session, SessionArgs args);

  /** Closes {@code session} at the server, which gives the donation back to {@link #accounts()}. */
  void close(Capability<Object> session);
}
