package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;

/** A test parent interface: children announce capabilities by name and look them up. */
public interface Registry {
  @RpcFunction(0)
  void announce(@Bound(32) String name, Capability<Object> cap);

  @RpcFunction(1)
  Capability<Object> lookup(@Bound(32) String name);
}
