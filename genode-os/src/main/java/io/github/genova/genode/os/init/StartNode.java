package io.github.genova.genode.os.init;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code <start>} node: a child init creates.
 *
 * @param name the unique child name (also the label prefix of its sessions)
 * @param binary the ROM module to run, {@code <binary name>} or the start name
 * @param ramQuantum bytes of RAM from {@code <resource name="RAM" quantum>} (0 if absent)
 * @param caps the capability quota from the {@code caps} attribute (0 if absent)
 * @param priority the {@code priority} attribute (0 = the highest of init's band; negative is lower)
 * @param provides service names from {@code <provides>}
 * @param route the child's own rules, or null to use the default route
 * @param config the inline {@code <config>} node as XML text, served as ROM "config", or null
 * @param configFile the {@code <configfile name>} ROM to serve as "config" instead, or null
 * @param line the node's line in the configuration
 */
public record StartNode(String name, String binary, long ramQuantum, long caps, int priority,
    List<String> provides, @Nullable List<RouteRule> route, @Nullable String config,
    @Nullable String configFile, int line) {
  /** Copies the lists. */
  public StartNode {
    provides = List.copyOf(provides);
    route = route == null ? null : List.copyOf(route);
  }
}
