package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.child.ChildPolicy;
import io.github.genova.genode.base.child.ParentService;
import io.github.genova.genode.base.child.RootService;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.SessionLabel;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.os.init.SessionRouter;
import io.github.genova.genode.os.init.component.InlineConfigRom;
import org.jspecify.annotations.Nullable;

/**
 * What launchpad decides for one child, as Genode's launchpad does: ROM {@code config} of a launcher with an
 * inline config is served by launchpad itself; any other request goes to the first sibling that announced the
 * service, else to launchpad's parent. Every service a child announces is offered to its siblings. Its exit
 * is handed to launchpad, which tears the child down on its own thread.
 */
final class LaunchpadChildPolicy implements ChildPolicy {
  /** Takes note of a child's exit; called on the child's thread. */
  @FunctionalInterface
  interface ExitHandler {
    /** Takes note that {@code child} exited with {@code exitValue}. */
    void exited(Child child, int exitValue);
  }

  private final String name;
  private final @Nullable String config;
  private final Env env;
  private final QuotaAccounts launchpadAccounts;
  private final QuotaAccounts upstream;
  private final SiblingServices siblings;
  private final ExitHandler exits;

  /**
   * Creates the policy of child {@code name} of {@code launcher}: session donations pass {@code
   * launchpadAccounts}, those of requests routed to launchpad's parent end in {@code upstream} (launchpad's
   * record of what it passed on); {@code siblings} holds the services of its siblings.
   */
  LaunchpadChildPolicy(String name, Launcher launcher, Env env, QuotaAccounts launchpadAccounts,
      QuotaAccounts upstream, SiblingServices siblings, ExitHandler exits) {
    this.name = name;
    this.config = launcher.config();
    this.env = env;
    this.launchpadAccounts = launchpadAccounts;
    this.upstream = upstream;
    this.siblings = siblings;
    this.exits = exits;
  }

  @Override
  public Service resolveSessionRequest(SessionRequest request) {
    String inline = config;
    if (inline != null && request.service().equals(RomSession.SERVICE_NAME)) {
      SessionLabel own = request.label().withoutPrefix(name);
      SessionRequest asAsked = own == null ? request
          : new SessionRequest(request.service(), request.args().with(own), request.affinity());
      if (SessionRouter.requestsConfig(asAsked)) {
        return new InlineConfigRom(env, launchpadAccounts, name, inline);
      }
    }
    return siblings.route(request.service(), name,
        () -> new ParentService(request.service(), env.parentInterface(), upstream));
  }

  @Override
  public void announce(Child child, String service, Capability<Root> root) {
    siblings.announce(name, RootService.announcedBy(child, service, root));
  }

  @Override
  public void exited(Child child, int exitValue) {
    exits.exited(child, exitValue);
  }
}
