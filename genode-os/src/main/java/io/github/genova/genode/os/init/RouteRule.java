package io.github.genova.genode.os.init;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a {@code <route>} or {@code <default-route>}: {@code <service name="X">} or
 * {@code <any-service>}, optionally restricted by {@code <if-arg key value>} conditions on the session
 * arguments, with its targets in order.
 *
 * @param service the service name, or null for {@code <any-service>}
 * @param conditions session-argument key to required value, all of which must match
 * @param targets where to look, in order
 * @param line the rule's line in the configuration
 */
public record RouteRule(@Nullable String service, Map<String, String> conditions, List<RouteTarget> targets,
    int line) {
  /** Copies the collections. */
  public RouteRule {
    conditions = Map.copyOf(conditions);
    targets = List.copyOf(targets);
  }

  /** Returns whether this is an {@code <any-service>} rule. */
  public boolean anyService() {
    return service == null;
  }
}
