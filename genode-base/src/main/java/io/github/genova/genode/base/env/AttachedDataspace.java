package io.github.genova.genode.base.env;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.session.ServiceDenied;

/**
 * A session's dataspace attached to the component's address space (Genode's {@code Attached_dataspace}), as
 * ROM, IO_MEM, Input and Framebuffer clients hold theirs. {@link #close()} detaches it; the session is the
 * holder's to close. {@link AttachedRamDataspace} holds one for a RAM dataspace of the component's own.
 */
public final class AttachedDataspace implements AutoCloseable {
  private final Env env;
  private final long address;

  private AttachedDataspace(Env env, long address) {
    this.env = env;
    this.address = address;
  }

  /**
   * Attaches {@code ds}, the dataspace of {@code connection}'s session, anywhere in the address space. If
   * it cannot be attached, the connection is closed and the session refused.
   *
   * @param what what is attached, for the refusal's message ({@code cannot attach <what>: <why>})
   * @throws ServiceDenied if the dataspace cannot be attached
   */
  public static AttachedDataspace ofSession(Env env, Connection<?> connection, Capability<Dataspace> ds,
      boolean writable, String what) throws ServiceDenied {
    try {
      return attach(env, ds, writable);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      connection.close();
      throw new ServiceDenied("cannot attach " + what + ": " + e.getMessage());
    }
  }

  /**
   * Attaches {@code ds}, a dataspace the caller holds, anywhere in {@code env}'s address space.
   *
   * @throws RegionMap.RegionConflict if no free range of the address space can take it
   * @throws RegionMap.InvalidDataspace if {@code ds} names no dataspace
   */
  public static AttachedDataspace attach(Env env, Capability<Dataspace> ds, boolean writable)
      throws RegionMap.RegionConflict, RegionMap.InvalidDataspace {
    return new AttachedDataspace(env, env.rm().attach(ds, 0, 0, false, 0, writable));
  }

  /** Returns where the dataspace's first byte lies. */
  public long address() {
    return address;
  }

  /** Detaches the dataspace. */
  @Override
  public void close() {
    env.rm().detach(address);
  }
}
