package io.github.genova.genode.os.init;

import java.util.List;

/**
 * A parsed and checked init configuration: what the parent provides, the default route, and the start
 * nodes in document order with unique names.
 *
 * @param parentProvides services init may route to its parent
 * @param defaultRoute rules used for children without a {@code <route>}
 * @param starts the children, in document order
 * @param verbose the {@code verbose} attribute of {@code <config>}
 */
public record InitConfig(List<String> parentProvides, List<RouteRule> defaultRoute, List<StartNode> starts,
    boolean verbose) {
  /** Copies the lists. */
  public InitConfig {
    parentProvides = List.copyOf(parentProvides);
    defaultRoute = List.copyOf(defaultRoute);
    starts = List.copyOf(starts);
  }
}
