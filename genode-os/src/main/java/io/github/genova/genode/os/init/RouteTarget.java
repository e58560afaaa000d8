package io.github.genova.genode.os.init;

/** Where a route rule may send a session request: the parent, one named sibling, or any sibling. */
public sealed interface RouteTarget {
  /** {@code <parent/>}: init's own parent. */
  record Parent() implements RouteTarget {}

  /**
   * {@code <child name="x"/>}: the service as provided by child x only.
   *
   * @param name the child's name
   */
  record Child(String name) implements RouteTarget {}

  /** {@code <any-child/>}: the one sibling that provides the service (two or more are ambiguous). */
  record AnyChild() implements RouteTarget {}
}
