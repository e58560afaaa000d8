package io.github.genova.genode.os.test.rmfault;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.child.ChildPolicy;
import io.github.genova.genode.base.child.ParentService;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.base.signal.SignalTarget;
import io.github.genova.genode.base.signal.SignalTransmitter;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the parent of the region-manager fault test decides for its child: PD, CPU, ROM and LOG go to the
 * parent's own parent, every other service (RM among them, which tells the child its role) is denied; the
 * region map of the child's address space gets the parent's fault handler before the child runs, as
 * Genode's test installs it when the child's PD session is initialised; and the child's exit is signalled
 * to the parent.
 */
final class RmChildPolicy implements ChildPolicy {
  /** The services the child may use. */
  static final Set<String> ROUTED = Set.of("PD", "CPU", "ROM", "LOG");

  private final Env env;
  private final QuotaAccounts accounts;
  private final Capability<SignalTarget> faultHandler;
  private final Capability<SignalTarget> exitHandler;
  private @Nullable Integer exitValue;

  /**
   * Creates the policy of a child whose session donations pass {@code accounts}, whose faults signal {@code
   * faultHandler} and whose exit signals {@code exitHandler}.
   */
  RmChildPolicy(Env env, QuotaAccounts accounts, Capability<SignalTarget> faultHandler,
      Capability<SignalTarget> exitHandler) {
    this.env = env;
    this.accounts = accounts;
    this.faultHandler = faultHandler;
    this.exitHandler = exitHandler;
  }

  @Override
  public Service resolveSessionRequest(SessionRequest request) throws ServiceDenied {
    if (!ROUTED.contains(request.service())) {
      throw new ServiceDenied("the child gets no " + request.service() + " session");
    }
    return new ParentService(request.service(), env.parentInterface(), accounts);
  }

  @Override
  public void prepareEventWindow(Child child, long window) {
    child.requestPager(window);
    addressSpace(child).faultHandler(faultHandler);
  }

  @Override
  public void exited(Child child, int value) {
    synchronized (this) {
      exitValue = value;
    }
    new SignalTransmitter(exitHandler).submit();
  }

  /** Returns the value the child exited with, or null while it has not. */
  synchronized @Nullable Integer exitValue() {
    return exitValue;
  }

  /** Returns the region map of {@code child}'s address space, from its initial PD session. */
  static RegionMap addressSpace(Child child) {
    Capability<Object> pd = child.initialSession(Parent.ENV_PD);
    if (pd == null) {
      throw new IllegalStateException(child + " has no PD session");
    }
    return RpcInterface.of(RegionMap.class).client(
        RpcInterface.of(PdSession.class).client(pd.<PdSession>cast()).addressSpace());
  }
}
