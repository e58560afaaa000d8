package io.github.genova.genode.base.rom;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A ROM session (Genode's {@code Rom_session}): read-only access to one ROM module, the module named by the
 * last element of the session label (classic: the {@code filename} argument).
 */
public interface RomSession {
  /** The service name. */
  String SERVICE_NAME = "ROM";

  /** Returns the read-only dataspace holding the module's content. */
  @RpcFunction(0)
  Capability<Dataspace> dataspace();

  /** Returns the module's size in bytes (the dataspace is rounded up to whole pages). */
  @RpcFunction(1)
  long contentSize();
}
