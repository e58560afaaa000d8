package io.github.genova.genode.os.init;

import io.github.genova.genode.base.session.SessionRequest;

/**
 * Where init sends a child's session request: to init's parent, to a sibling, to init itself for the
 * child's inline {@code config} ROM, or nowhere (denied, with the reason). Requests that go on carry
 * the label init prefixed with the child's name.
 */
public sealed interface Route {
  /**
   * To init's parent.
   *
   * @param request the request as init passes it on
   */
  record ToParent(SessionRequest request) implements Route {}

  /**
   * To the sibling {@code child}, which provides the service.
   *
   * @param child the providing child's name
   * @param request the request as init passes it on
   */
  record ToChild(String child, SessionRequest request) implements Route {}

  /**
   * Init answers itself with a ROM holding the child's inline {@code <config>} node.
   *
   * @param config the node as XML text
   */
  record InlineConfig(String config) implements Route {}

  /**
   * The request is refused (Genode's {@code Service_denied}).
   *
   * @param reason why, naming the child and service, e.g. {@code no route to service "LOG"}
   */
  record Denied(String reason) implements Route {}
}
