package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.child.ChildPolicy;
import io.github.genova.genode.base.child.ParentService;
import io.github.genova.genode.base.child.RootService;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionLabel;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.os.init.Route;
import io.github.genova.genode.os.init.SessionRouter;
import io.github.genova.genode.os.init.StartNode;
import java.util.Optional;

/**
 * What init decides for one child: its session requests go where the {@link SessionRouter} says (init's
 * parent, or a sibling's service, waiting for the sibling's announcement as Genode's init does: the wait blocks
 * only this child's entrypoint, and ends denied if the sibling exits without announcing) or, for ROM {@code
 * config} of a start node with an inline {@code <config>}, to init itself; announcements of
 * services missing from its {@code <provides>} are refused, and its exit is reported as Genode's init
 * reports it.
 */
final class InitChildPolicy implements ChildPolicy {
  private final StartNode start;
  private final SessionRouter router;
  private final AnnouncedServices announced;
  private final Parent parent;
  private final QuotaAccounts initAccounts;
  private final Log log;
  private final Env env;

  InitChildPolicy(StartNode start, SessionRouter router, AnnouncedServices announced, Env env,
      QuotaAccounts initAccounts) {
    this.start = start;
    this.router = router;
    this.announced = announced;
    this.env = env;
    this.parent = env.parentInterface();
    this.initAccounts = initAccounts;
    this.log = env.log();
  }

  @Override
  public Service resolveSessionRequest(SessionRequest request) throws ServiceDenied {
    // The child already prefixed the label with its name; the router prefixes the request it is given.
    SessionLabel own = request.label().withoutPrefix(start.name());
    SessionRequest asAsked = own == null ? request
        : new SessionRequest(request.service(), request.args().with(own), request.affinity());
    Route route = router.route(start.name(), asAsked);
    return switch (route) {
      case Route.ToParent(SessionRequest r) ->
          new RoutedService(new ParentService(r.service(), parent, initAccounts), r.args());
      case Route.ToChild(String provider, SessionRequest r) -> {
        // Blocks this child's entrypoint only: the provider announces on its own.
        Optional<Service> service = announced.await(provider, r.service());
        if (service.isEmpty()) {
          String reason = start.name() + ": service \"" + r.service() + "\" of \"" + provider
              + "\" is gone without being announced";
          log.warning(reason);
          throw new ServiceDenied(reason);
        }
        yield new RoutedService(service.get(), r.args());
      }
      case Route.InlineConfig(String config) -> new InlineConfigRom(env, initAccounts, start.name(), config);
      case Route.Denied(String reason) -> {
        log.error(reason);
        throw new ServiceDenied(reason);
      }
    };
  }

  @Override
  public void announce(Child child, String name, Capability<Root> root) {
    if (!start.provides().contains(name)) {
      log.warning(start.name() + ": illegal announcement of service \"" + name + "\"");
      return;
    }
    announced.announce(start.name(), RootService.announcedBy(child, name, root));
  }

  @Override
  public void exited(Child child, int exitValue) {
    log.log("child \"" + child.name() + "\" exited with exit value " + exitValue);
    announced.providerGone(start.name());
  }
}
