package io.github.genova.genode.base.core;

import io.github.genova.genode.base.rpc.RpcFunction;

/** A test session interface: a server that answers x + 1, and throws (undeclared) for negative x. */
public interface Hello {
  /** The service name. */
  String SERVICE_NAME = "Hello";

  @RpcFunction(0)
  int hello(int x);
}
