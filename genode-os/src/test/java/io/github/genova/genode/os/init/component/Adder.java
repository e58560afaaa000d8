package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.rpc.RpcFunction;

/** A test session interface a child of init provides: answers x + 1. */
public interface Adder {
  /** The service name. */
  String SERVICE_NAME = "Adder";

  @RpcFunction(0)
  int add(int x);
}
