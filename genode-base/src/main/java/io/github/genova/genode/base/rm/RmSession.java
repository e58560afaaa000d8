package io.github.genova.genode.base.rm;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;

/** An RM session (Genode's {@code Rm_session}): creates region maps, each usable as a managed dataspace. */
public interface RmSession {
  /** The service name. */
  String SERVICE_NAME = "RM";

  /** Creates an empty region map of {@code size} bytes (rounded up to 4 KiB). */
  @RpcFunction(0)
  Capability<RegionMap> create(long size);

  /** Destroys a region map created by this session. */
  @RpcFunction(1)
  void destroy(Capability<RegionMap> map);
}
