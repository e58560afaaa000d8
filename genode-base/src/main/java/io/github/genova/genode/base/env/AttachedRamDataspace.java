package io.github.genova.genode.base.env;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A RAM dataspace of the component's own, allocated from its PD session and attached writeable to its address
 * space (Genode's {@code Attached_ram_dataspace}), as a server holds the buffer it shares with a client.
 * Either both steps succeed or neither leaves a trace: a dataspace that cannot be attached is freed again.
 * {@link #close()} detaches and frees it, giving the RAM back to the PD session's quota; closing twice does
 * nothing more.
 */
public final class AttachedRamDataspace implements AutoCloseable {
  /**
   * The dataspace could not be allocated or attached; nothing of it was kept, the PD session's quota is as it
   * was before.
   */
  public static final class AllocationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    private AllocationFailed(String message) {
      super(message);
    }
  }

  private final Env env;
  private final Capability<Dataspace> dataspace;
  private final AttachedDataspace attached;
  private final long size;
  private final AtomicBoolean closed = new AtomicBoolean();

  private AttachedRamDataspace(Env env, Capability<Dataspace> dataspace, AttachedDataspace attached, long size) {
    this.env = env;
    this.dataspace = dataspace;
    this.attached = attached;
    this.size = size;
  }

  /**
   * Allocates a zero-filled RAM dataspace of {@code size} bytes (the PD session rounds it up to whole pages)
   * from {@code env}'s PD session and attaches it writeable anywhere in the address space.
   *
   * @throws AllocationFailed if the PD session's quota does not cover it or it cannot be attached; the
   *     message names the size and the reason
   * @throws IllegalArgumentException if {@code size} is not positive
   */
  public static AttachedRamDataspace allocate(Env env, long size) throws AllocationFailed {
    if (size <= 0) {
      throw new IllegalArgumentException("a RAM dataspace needs a positive size, not " + size);
    }
    PdSession pd = env.pdSession();
    Capability<Dataspace> ds;
    try {
      ds = pd.allocRam(size);
    } catch (OutOfRam e) {
      throw new AllocationFailed("cannot allocate a RAM dataspace of " + size + " bytes: " + e.getMessage()
          + " (the PD session uses " + pd.usedRam() + " of " + pd.ramQuota() + " bytes)");
    } catch (OutOfCaps e) {
      throw new AllocationFailed("cannot allocate a RAM dataspace of " + size + " bytes: " + e.getMessage()
          + " (the PD session uses " + pd.usedCaps() + " of " + pd.capQuota() + " capabilities)");
    }
    try {
      return new AttachedRamDataspace(env, ds, AttachedDataspace.attach(env, ds, true), size);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      pd.freeRam(ds);
      throw new AllocationFailed("cannot attach a RAM dataspace of " + size + " bytes: " + e.getMessage());
    }
  }

  /** Returns the dataspace, to hand to a client (who attaches it in its own address space). */
  public Capability<Dataspace> dataspace() {
    return dataspace;
  }

  /** Returns the size asked for, in bytes. */
  public long size() {
    return size;
  }

  /** Returns where the dataspace's first byte lies in the component's address space. */
  public long address() {
    return attached.address();
  }

  /**
   * Copies {@code length} bytes of {@code src} from {@code from} to {@code offset} of the dataspace, through
   * the calling thread's view of the component's memory.
   *
   * @throws IndexOutOfBoundsException if the range lies outside {@code src} or the dataspace's size
   */
  public void write(long offset, byte[] src, int from, int length) {
    Objects.checkFromIndexSize(from, length, src.length);
    Objects.checkFromIndexSize(offset, length, size);
    env.memory().write(attached.address() + offset, src, from, length);
  }

  /**
   * Copies {@code length} bytes at {@code offset} of the dataspace to {@code dst} from {@code from}, through
   * the calling thread's view of the component's memory.
   *
   * @throws IndexOutOfBoundsException if the range lies outside {@code dst} or the dataspace's size
   */
  public void read(long offset, byte[] dst, int from, int length) {
    Objects.checkFromIndexSize(from, length, dst.length);
    Objects.checkFromIndexSize(offset, length, size);
    env.memory().read(attached.address() + offset, dst, from, length);
  }

  /** Detaches the dataspace and frees it; only the first call does so. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      attached.close();
      env.pdSession().freeRam(dataspace);
    }
  }
}
