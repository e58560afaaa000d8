package io.github.genova.genode.base.core.rm;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.Pager;
import io.github.genova.genode.base.core.memory.FrameDataspace;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.signal.SignalTarget;
import io.github.genova.genode.base.signal.SignalTransmitter;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Core's region map: regions of RAM dataspaces or of other region maps (managed dataspaces) at virtual
 * addresses, and, as a {@link Pager.AddressSpace}, the resolution of faults through them. A fault no region
 * resolves is recorded in the innermost region map it reached, that map's fault handler is signalled, and
 * the faulting thread waits on the map's semaphore until an attach or detach there wakes it to retry.
 */
public final class RegionMapComponent implements RegionMap, Pager.AddressSpace {
  private record Region(long at, long size, long offset, boolean writable, Object ds) {
    long end() {
      return at + size;
    }
  }

  private final RpcEntrypoint ep;
  private final Pager pager;
  private final long size;
  private final long waitSemaphore;
  private final TreeMap<Long, Region> regions = new TreeMap<>();
  private @Nullable Capability<SignalTarget> faultHandler;
  private Fault fault = new Fault(FaultType.NONE, 0);
  private int waiters;
  private @Nullable ManagedDataspace managed;
  private @Nullable Capability<Dataspace> managedCap;

  /** Creates an empty region map of {@code size} bytes served by {@code ep}. Called by a thread of core. */
  public RegionMapComponent(RpcEntrypoint ep, NativePd corePd, Pager pager, long size) {
    this.ep = ep;
    this.pager = pager;
    this.size = (size + 0xfff) & -0x1000L;
    this.waitSemaphore = corePd.createSemaphore(0);
  }

  /** Returns the size in bytes. */
  public long size() {
    return size;
  }

  @Override
  public long attach(Capability<Dataspace> dsCap, long attachSize, long offset, boolean useAt, long at,
      boolean writable) throws RegionConflict, InvalidDataspace {
    Object ds = ep.apply(dsCap);
    long dsSize;
    if (ds instanceof FrameDataspace frames) {
      dsSize = frames.size();
      writable &= frames.writable();
    } else if (ds instanceof ManagedDataspace managed) {
      if (managed.map() == this) {
        throw new InvalidDataspace();
      }
      dsSize = managed.size();
    } else {
      throw new InvalidDataspace();
    }
    if (offset < 0 || (offset & 0xfff) != 0 || offset >= dsSize) {
      throw new InvalidDataspace();
    }
    long length = attachSize == 0 ? dsSize - offset : (attachSize + 0xfff) & -0x1000L;
    if (length <= 0 || offset + length > dsSize) {
      throw new InvalidDataspace();
    }
    synchronized (this) {
      long start = useAt ? at : freeRange(length);
      if (start < 0 || (start & 0xfff) != 0 || start + length > size || overlaps(start, length)) {
        throw new RegionConflict();
      }
      regions.put(start, new Region(start, length, offset, writable, ds));
      changed();
      return start;
    }
  }

  @Override
  public void detach(long at) {
    Region r;
    synchronized (this) {
      r = regions.remove(at);
      if (r == null) {
        return;
      }
      changed();
    }
    revoke(r);
  }

  private void revoke(Region r) {
    if (r.ds() instanceof FrameDataspace frames) {
      pager.revoke(frames.physAddr() + r.offset(), r.size());
    } else if (r.ds() instanceof ManagedDataspace managed) {
      managed.map().revokeAll();
    }
  }

  /** Revokes every mapping made through this map (its memory is still attached; faults resolve anew). */
  void revokeAll() {
    Map<Long, Region> copy;
    synchronized (this) {
      copy = Map.copyOf(regions);
    }
    copy.values().forEach(this::revoke);
  }

  @Override
  public synchronized void faultHandler(Capability<SignalTarget> handler) {
    this.faultHandler = handler;
  }

  @Override
  public synchronized Fault fault() {
    return fault;
  }

  @Override
  public synchronized Capability<Dataspace> dataspace() {
    Capability<Dataspace> cap = managedCap;
    if (cap == null) {
      ManagedDataspace ds = new ManagedDataspace(this);
      cap = ep.manage(Dataspace.class, ds);
      managed = ds;
      managedCap = cap;
    }
    return cap;
  }

  /**
   * Dissolves the managed dataspace handed out for this region map, if any: called when the map is
   * destroyed, after which attaching that dataspace fails and its capability is stale.
   */
  public void dissolveDataspace() {
    ManagedDataspace ds;
    synchronized (this) {
      ds = managed;
      managed = null;
      managedCap = null;
    }
    if (ds != null) {
      ep.dissolve(ds);
    }
  }

  @Override
  public Pager.Mapping resolve(Hypercalls pagerGate, long address, boolean write) {
    while (true) {
      Object result = lookup(address, write);
      if (result instanceof Pager.Mapping m) {
        return m;
      }
      RegionMapComponent faulting = (RegionMapComponent) result;
      faulting.waitForChange(pagerGate);
    }
  }

  /** Returns the mapping for {@code address}, or the innermost region map where it faults (fault recorded). */
  private Object lookup(long address, boolean write) {
    Region r;
    synchronized (this) {
      Map.Entry<Long, Region> e = regions.floorEntry(address);
      r = e != null && address < e.getValue().end() ? e.getValue() : null;
      if (r == null || (write && !r.writable()) || (r.ds() instanceof FrameDataspace f && !f.live())) {
        recordFault(address, write);
        return this;
      }
    }
    long inDs = r.offset() + address - r.at();
    if (r.ds() instanceof ManagedDataspace managed) {
      return managed.map().lookup(inDs, write);
    }
    FrameDataspace frames = (FrameDataspace) r.ds();
    int perms = Perm.MEM_R | Perm.MEM_X | (r.writable() ? Perm.MEM_W : 0);
    return new Pager.Mapping((frames.physAddr() + inDs) >>> 12, perms);
  }

  private void recordFault(long address, boolean write) {
    fault = new Fault(write ? FaultType.WRITE : FaultType.READ, address);
    waiters++;
  }

  /** Signals the fault handler, then blocks the faulting thread until the map changes. */
  private void waitForChange(Hypercalls pagerGate) {
    Capability<SignalTarget> handler;
    synchronized (this) {
      handler = faultHandler;
    }
    if (handler != null) {
      new SignalTransmitter(handler).submit();
    }
    pagerGate.smDown(waitSemaphore, false, 0);
  }

  /** Clears the fault and wakes every thread waiting for a change. */
  private void changed() {
    fault = new Fault(FaultType.NONE, 0);
    for (; waiters > 0; waiters--) {
      NativeThread.current().gate().smUp(waitSemaphore);
    }
  }

  private boolean overlaps(long start, long length) {
    Map.Entry<Long, Region> below = regions.floorEntry(start + length - 1);
    return below != null && below.getValue().end() > start;
  }

  private long freeRange(long length) {
    long candidate = 0x1000; // the zero page stays unmapped
    for (Region r : regions.values()) {
      if (candidate + length <= r.at()) {
        return candidate;
      }
      candidate = Math.max(candidate, r.end());
    }
    return candidate + length <= size ? candidate : -1;
  }
}
