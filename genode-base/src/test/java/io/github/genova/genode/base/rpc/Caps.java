package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.cap.Capability;

/** A test interface passing capabilities. */
public interface Caps {
  /** Returns bit i set for every valid argument i. */
  @RpcFunction(0)
  int five(Capability<Object> a, Capability<Object> b, Capability<Object> c, Capability<Object> d,
      Capability<Object> e);

  /** Returns, per argument, 0 (invalid), 1 (valid, not a local object) or 2 (resolves to a local object). */
  @RpcFunction(1)
  @Bound(8)
  String three(Capability<Object> a, Capability<Object> b, Capability<Object> c);

  /** Returns a capability of the server. */
  @RpcFunction(2)
  Capability<Object> give();
}
