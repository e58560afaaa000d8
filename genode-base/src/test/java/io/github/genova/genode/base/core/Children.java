package io.github.genova.genode.base.core;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.child.ChildPolicy;
import io.github.genova.genode.base.child.RootService;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test parent: core's root task starts further children of core next to init, routing their requests to
 * core's services or to services other children announced; exits are recorded, destruction is the test's.
 */
final class Children implements ChildPolicy {
  private final Core core;
  private final Map<String, Service> announced = new ConcurrentHashMap<>();

  /** Takes init's place: destroys init, whose quota returns to core, to start the test's children with it. */
  Children(Core core) {
    this.core = core;
    core.init().ifPresent(Child::destroy);
  }

  /** Starts child {@code name} with {@code ram} bytes and {@code caps} capabilities and an initial LOG session. */
  Child start(String name, long ram, long caps, Component component) throws Exception {
    return Child.create(name, core.env(), core.accounts(), new Session.Resources(RamQuota.of(ram), CapQuota.of(caps)),
        this, Map.of(Parent.ENV_LOG, SessionRequest.of(LogSession.SERVICE_NAME,
            SessionArgs.parse("ram_quota=8K, cap_quota=2"))), 0, component);
  }

  @Override
  public Service resolveSessionRequest(SessionRequest request) throws ServiceDenied {
    Service s = announced.get(request.service());
    if (s != null) {
      return s;
    }
    return core.services().lookup(request.service())
        .orElseThrow(() -> new ServiceDenied("no service \"" + request.service() + "\""));
  }

  @Override
  public void announce(Child child, String name, Capability<Root> root) {
    announced.put(name, RootService.announcedBy(child, name, root));
  }

  @Override
  public void exited(Child child, int exitValue) {
    core.env().log().log("child \"" + child.name() + "\" exited with exit value " + exitValue);
  }
}
