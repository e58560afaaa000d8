package io.github.genova.genode.base.pd;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A PD session (Genode's {@code Pd_session}, which took over the classic RAM session): a protection domain's
 * RAM and capability budget — the session's donation minus its own cost, raised by upgrades — from which RAM
 * dataspaces are allocated, and the region map of its address space.
 */
public interface PdSession {
  /** The service name. */
  String SERVICE_NAME = "PD";

  /**
   * Allocates a RAM dataspace of at least {@code size} bytes (rounded up to 4 KiB), zero-filled.
   *
   * @throws OutOfRam if the session's RAM quota does not cover the rounded size
   * @throws OutOfCaps if no capability is left for the dataspace
   */
  @RpcFunction(0)
  Capability<Dataspace> allocRam(long size) throws OutOfRam, OutOfCaps;

  /** Frees a dataspace allocated from this session; a foreign or unknown one is left intact. */
  @RpcFunction(1)
  void freeRam(Capability<Dataspace> ds);

  /** Returns the RAM quota, in bytes. */
  @RpcFunction(2)
  long ramQuota();

  /** Returns the RAM in use, in bytes. */
  @RpcFunction(3)
  long usedRam();

  /** Returns the capability quota. */
  @RpcFunction(4)
  long capQuota();

  /** Returns the capabilities in use. */
  @RpcFunction(5)
  long usedCaps();

  /** Returns the region map of the PD's address space. */
  @RpcFunction(6)
  Capability<RegionMap> addressSpace();

  /**
   * Returns the page-fault portal of the PD's pager, which resolves faults through {@link #addressSpace()}:
   * placed at the page-fault slot of the event window the PD's threads use (see {@code
   * NativePd.PT_SEL_PAGE_FAULT}), it pages them. A parent asks for it before its child runs; every call
   * returns the same portal, which lives as long as the session.
   *
   * @throws OutOfCaps if the session has no capability left for the portal, or core none for the pager
   */
  @RpcFunction(7)
  Capability<Object> pager() throws OutOfCaps;

  /**
   * Returns a new page-fault portal into the PD's address space with a pager EC of its own, for the event
   * window of one more thread: as Genode on NOVA pages each thread by a pager of its own, one thread's fault
   * waiting for a region-map fault handler then holds up no other thread's faults. Each costs a capability of
   * the session; all live as long as the session.
   *
   * @throws OutOfCaps if the session has no capability left for the portal, or core none for the pager
   */
  @RpcFunction(8)
  Capability<Object> threadPager() throws OutOfCaps;
}
