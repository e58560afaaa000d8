package io.github.genova.genode.os.init;

import io.github.genova.genode.base.session.LabelSelector;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One rule of a {@code <route>} or {@code <default-route>}: {@code <service name="X">} or
 * {@code <any-service>}, optionally restricted by label conditions on the rule node (the attributes
 * named like the components of {@link LabelSelector}) and by
 * {@code <if-arg key value>} conditions on the session arguments, with its targets in order.
 *
 * @param service the service name, or null for {@code <any-service>}
 * @param labels the label conditions, {@link LabelSelector#ANY} when there are none
 * @param conditions the {@code <if-arg>} conditions in document order, all of which must hold
 * @param targets where to look, in order
 * @param line the rule's line in the configuration
 */
public record RouteRule(@Nullable String service, LabelSelector labels, List<IfArg> conditions,
    List<RouteTarget> targets, int line) {
  /**
   * {@code <if-arg key="k" value="v"/>}: the session argument {@code k} must have the text {@code v}
   * (for a quoted string, its content).
   *
   * @param key the argument's key
   * @param value the required text
   */
  public record IfArg(String key, String value) {}

  /** Copies the lists. */
  public RouteRule {
    conditions = List.copyOf(conditions);
    targets = List.copyOf(targets);
  }

  /** Returns whether this is an {@code <any-service>} rule. */
  public boolean anyService() {
    return service == null;
  }
}
