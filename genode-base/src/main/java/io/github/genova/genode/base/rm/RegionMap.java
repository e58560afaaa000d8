package io.github.genova.genode.base.rm;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.signal.SignalTarget;

/**
 * A region map (Genode's {@code Region_map}): a virtual range into which dataspaces are attached. An
 * address space is one; a region map made by an RM session is also a (managed) dataspace that can be
 * attached into another region map. Touching an address no region backs is a fault: the fault handler's
 * signal fires, {@link #fault()} tells type and address, and the faulting thread waits until an attach or
 * detach changes the map.
 */
public interface RegionMap {
  /** An attach overlaps an existing region (or leaves the map). */
  final class RegionConflict extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public RegionConflict() {
      super("region conflict");
    }
  }

  /** An attach names no dataspace, or a range outside it. */
  final class InvalidDataspace extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public InvalidDataspace() {
      super("invalid dataspace");
    }
  }

  /** The kind of a fault. */
  enum FaultType {
    /** No fault is pending. */
    NONE,
    /** A read of an unbacked address. */
    READ,
    /** A write of an unbacked or read-only address. */
    WRITE,
    /** An instruction fetch. */
    EXEC
  }

  /**
   * The last fault.
   *
   * @param type what kind
   * @param address the faulting address, relative to the region map
   */
  record Fault(FaultType type, long address) {}

  /**
   * Attaches {@code size} bytes (0: the rest of the dataspace) of {@code ds} from {@code offset}; at
   * {@code at} if {@code useAt}, else at the lowest free, page-aligned range. Returns the address.
   *
   * @throws RegionConflict if the range overlaps a region or leaves the map
   * @throws InvalidDataspace if {@code ds} is no dataspace or the range leaves it
   */
  @RpcFunction(0)
  long attach(Capability<Dataspace> ds, long size, long offset, boolean useAt, long at, boolean writable)
      throws RegionConflict, InvalidDataspace;

  /** Removes the region that starts at {@code at}; its mappings are revoked. Unknown addresses are ignored. */
  @RpcFunction(1)
  void detach(long at);

  /** Makes {@code handler} receive a signal for each fault. */
  @RpcFunction(2)
  void faultHandler(Capability<SignalTarget> handler);

  /** Returns the last fault, NONE if none is pending. */
  @RpcFunction(3)
  Fault fault();

  /** Returns the region map as a dataspace (a managed dataspace) to attach elsewhere. */
  @RpcFunction(4)
  Capability<Dataspace> dataspace();
}
