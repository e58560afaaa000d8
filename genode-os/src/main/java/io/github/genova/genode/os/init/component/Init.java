package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.os.init.ConfigException;
import io.github.genova.genode.os.init.InitConfig;
import io.github.genova.genode.os.init.SessionRouter;
import io.github.genova.genode.os.init.StartNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Genode's init as a component: reads ROM {@code config}, reports configuration errors (naming element and
 * line; a faulty start node leaves the others running), and creates one {@link Child} per start node, in
 * document order, with its RAM quantum (clamped so init keeps its reserve) and capability quota. Each child
 * gets initial LOG and PD sessions routed like any request, and its binary is the component of that name.
 *
 * <p>init's own quota is what its PD session holds, as Genode's init sees its RAM through its PD session.
 * Each child gets initial LOG and PD sessions (see {@link Child#initialSessions}); the PD session's pager pages it.
 * Inline {@code <config>} nodes are served by init as the child's ROM {@code config}.
 */
public final class Init implements Component {
  private final ComponentRegistry components;

  /** Creates init, which finds its children's binaries in {@code components}. */
  public Init(ComponentRegistry components) {
    this.components = components;
  }

  @Override
  public void construct(Env env) {
    Log log = env.log();
    Optional<InitConfig> parsed = readConfig(env, log);
    if (parsed.isEmpty()) {
      return;
    }
    InitConfig config = parsed.get();
    config.warnings().forEach(log::warning);
    config.startErrors().forEach(e -> log.error(String.valueOf(e.getMessage())));
    PdSession pd = env.pdSession();
    QuotaAccounts accounts = QuotaAccounts.of("init", RamQuota.of(pd.ramQuota() - pd.usedRam()),
        CapQuota.of(pd.capQuota() - pd.usedCaps()));
    SessionRouter router = new SessionRouter(config);
    AnnouncedServices announced = new AnnouncedServices();
    List<Long> quanta = config.ramAssignments(accounts.ram().avail().value());
    for (int i = 0; i < config.starts().size(); i++) {
      StartNode start = config.starts().get(i);
      Optional<Component> code = components.lookup(start.binary());
      if (code.isEmpty()) {
        log.error(start.name() + ": binary \"" + start.binary() + "\" is no known component");
        announced.providerGone(start.name());
        continue;
      }
      InitChildPolicy policy = new InitChildPolicy(start, router, announced, env, accounts);
      Map<String, SessionRequest> initial = Child.initialSessions(RamQuota.of(quanta.get(i)),
          CapQuota.of(start.caps()));
      try {
        // Each child's parent calls get an entrypoint of their own, so one child's waiting request
        // keeps neither init nor its siblings from being served.
        RpcEntrypoint childEp = new RpcEntrypoint(env.pd(), "child " + start.name(), env.cpu());
        Child.create(start.name(), env, accounts, new Session.Resources(
            RamQuota.of(quanta.get(i)), CapQuota.of(start.caps())), policy, initial, env.cpu(), code.get(),
            childEp);
      } catch (OutOfRam | OutOfCaps | ServiceDenied e) {
        log.error(start.name() + ": cannot start child: " + e.getMessage());
        announced.providerGone(start.name());
      }
    }
  }

  private static Optional<InitConfig> readConfig(Env env, Log log) {
    String xml;
    try (AttachedRomDataspace rom = new AttachedRomDataspace(env, "config")) {
      xml = rom.text();
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no config ROM: " + e.getMessage());
      return Optional.empty();
    }
    try {
      return Optional.of(InitConfig.parse(xml));
    } catch (ConfigException e) {
      log.error("config: " + e.getMessage());
      return Optional.empty();
    }
  }
}
