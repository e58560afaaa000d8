package io.github.genova.genode.os.init;

import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionLabel;
import io.github.genova.genode.base.session.SessionRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * init's routing decision as a pure function of the configuration: for a child's session request, the
 * first rule of the child's {@code <route>} (else the {@code <default-route>}) that matches the service,
 * its label conditions and its {@code <if-arg>}s decides, its targets tried in order.
 *
 * <p>Classic semantics [C]: a target that lacks the service denies at once in a
 * {@code <service name>} rule and is skipped in an {@code <any-service>} rule, which falls through to
 * the next rule when no target has the service. {@code <any-child/>} finds the one child providing the
 * service; two or more providers are ambiguous and deny. No matching rule: {@code no route to service}.
 *
 * <p>Labels: init first prefixes the request's label with the child's name. {@code <if-arg>} compares
 * against these prefixed arguments, as classic init does; the label conditions of a rule see the label
 * below the child's name ({@code unscoped_label}: the prefixed label). A ROM request for {@code config}
 * (its label's last element or classic {@code filename}) is answered by init from the inline
 * {@code <config>}, or asks for the {@code <configfile>} ROM instead. A CPU request's {@code priority}
 * is scaled into the child's priority band.
 *
 * <p>Immutable and thread-safe; whether a provided service is announced yet is init's run-time
 * concern, not part of this decision.
 */
public final class SessionRouter {
  /** The number of CPU priorities, 0 the highest (Genode's {@code Cpu_session::PRIORITY_LIMIT}). */
  public static final long CPU_PRIORITY_LIMIT = 1 << 16;

  private final InitConfig config;

  /** Creates the router for {@code config}. */
  public SessionRouter(InitConfig config) {
    this.config = config;
  }

  /**
   * Decides where the request {@code request} of child {@code child} goes.
   *
   * @throws IllegalArgumentException if {@code child} is not a start node of the configuration
   */
  public Route route(String child, SessionRequest request) {
    StartNode start = config.start(child);
    if (start == null) {
      throw new IllegalArgumentException("no child \"" + child + "\" in init's configuration");
    }
    SessionLabel scoped = request.label();
    if (request.service().equals("ROM") && requestsConfig(request)) {
      String inline = start.config();
      if (inline != null) {
        return new Route.InlineConfig(inline);
      }
      String file = start.configFile();
      if (file != null) {
        scoped = SessionLabel.prefixed(scoped.prefix().toString(), SessionLabel.of(file));
        SessionArgs args = request.args().with(scoped);
        if (args.has("filename")) {
          args = args.with("filename", file);
        }
        request = new SessionRequest(request.service(), args, request.affinity());
      }
    }
    SessionRequest forwarded = withCpuPriorityInBand(start, request.prefixedBy(child));
    SessionLabel unscoped = forwarded.label();
    String service = request.service();

    for (RouteRule rule : config.routeOf(start)) {
      String ruleService = rule.service();
      if (ruleService != null && !ruleService.equals(service)) {
        continue;
      }
      if (!rule.labels().matches(scoped, unscoped) || !conditionsHold(rule, forwarded.args())) {
        continue;
      }
      for (RouteTarget target : rule.targets()) {
        switch (target) {
          case RouteTarget.Parent() -> {
            if (config.parentProvides().contains(service)) {
              return new Route.ToParent(forwarded);
            }
            if (!rule.anyService()) {
              return denied(child, service, "init's parent does not provide it (rule at line "
                  + rule.line() + ")");
            }
          }
          case RouteTarget.Child(String name) -> {
            StartNode provider = config.start(name);
            if (provider != null && provider.provides().contains(service)) {
              return new Route.ToChild(name, forwarded);
            }
            if (!rule.anyService()) {
              return denied(child, service, "child \"" + name + "\" does not provide it (rule at line "
                  + rule.line() + ")");
            }
          }
          case RouteTarget.AnyChild() -> {
            List<String> providers = providersOf(service);
            if (providers.size() == 1) {
              return new Route.ToChild(providers.getFirst(), forwarded);
            }
            if (providers.size() > 1) {
              return denied(child, service, "ambiguous routes: provided by " + String.join(", ", providers));
            }
            if (!rule.anyService()) {
              return denied(child, service, "no child provides it (rule at line " + rule.line() + ")");
            }
          }
        }
      }
    }
    return denied(child, service, "no route to service \"" + service + "\"");
  }

  /**
   * Returns a CPU session request with its {@code priority} moved into the child's band: with
   * {@code prio_levels} = 2^k, the requested priority (clamped to the CPU priority range) loses its k
   * low bits and the child's level (0 for priority 0, 1 for −1, ...) becomes its k high bits. Other
   * requests, and all requests when init has one level, pass unchanged.
   */
  private SessionRequest withCpuPriorityInBand(StartNode start, SessionRequest request) {
    int levelsLog2 = Integer.numberOfTrailingZeros(config.prioLevels());
    if (!request.service().equals("CPU") || levelsLog2 == 0) {
      return request;
    }
    long requested = Math.clamp(request.args().longValue("priority", 0), 0, CPU_PRIORITY_LIMIT - 1);
    long level = -start.priority();
    long priority = (requested >> levelsLog2) | level * (CPU_PRIORITY_LIMIT >> levelsLog2);
    return new SessionRequest(request.service(), request.args().with("priority", priority), request.affinity());
  }

  /**
   * Returns whether ROM request {@code request} asks for the child's configuration: ROM {@code config} by
   * its {@code filename} argument or else the last element of its label.
   */
  public static boolean requestsConfig(SessionRequest request) {
    SessionArgs args = request.args();
    return args.has("filename") ? args.stringValue("filename", "").equals("config")
        : request.label().last().equals("config");
  }

  private static boolean conditionsHold(RouteRule rule, SessionArgs args) {
    for (RouteRule.IfArg condition : rule.conditions()) {
      if (!args.has(condition.key()) || !args.stringValue(condition.key(), "").equals(condition.value())) {
        return false;
      }
    }
    return true;
  }

  private List<String> providersOf(String service) {
    List<String> providers = new ArrayList<>();
    for (StartNode s : config.starts()) {
      if (s.provides().contains(service)) {
        providers.add(s.name());
      }
    }
    return providers;
  }

  private static Route.Denied denied(String child, String service, String why) {
    return new Route.Denied("child \"" + child + "\" requests service \"" + service + "\": " + why);
  }
}
