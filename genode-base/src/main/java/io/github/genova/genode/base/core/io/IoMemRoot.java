package io.github.genova.genode.base.core.io;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.Pager;
import io.github.genova.genode.base.core.memory.PhysicalMemory;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.io.IoMemSession;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.Map;
import java.util.TreeMap;

/**
 * Core's IO_MEM service: a session owns the device memory {@code [base, base + size)}, widened to whole
 * pages, which no other session may claim while it is open, and hands it out as one dataspace that the
 * client's region map pages in from core's physical window. Only device memory the kernel reported (the
 * HIP's reserved regions) is granted; RAM and ranges outside any device are denied with a warning naming
 * the range. Closing the session revokes every mapping of the range. A session costs 4 KiB and two
 * capabilities (the session and its dataspace).
 */
public final class IoMemRoot extends RootComponent<IoMemSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);

  private final PhysicalMemory memory;
  private final Pager pager;
  /** Claimed ranges: start → end (exclusive), page-aligned. */
  private final TreeMap<Long, Long> claimed = new TreeMap<>();

  /** Creates the IO_MEM root served by {@code ep} over the device memory of {@code memory}. */
  public IoMemRoot(RpcEntrypoint ep, QuotaAccounts accounts, PhysicalMemory memory, Pager pager, Log log) {
    super(ep, IoMemSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.memory = memory;
    this.pager = pager;
  }

  /** A session: its range and the dataspace over it. */
  private static final class Component implements IoMemSession {
    private final IoMemDataspace dataspace;
    private final Capability<Dataspace> cap;

    Component(IoMemDataspace dataspace, Capability<Dataspace> cap) {
      this.dataspace = dataspace;
      this.cap = cap;
    }

    @Override
    public Capability<Dataspace> dataspace() {
      return cap;
    }
  }

  @Override
  protected IoMemSession createSession(SessionArgs args) throws ServiceDenied {
    long base = args.longValue("base", -1);
    long size = args.longValue("size", 0);
    if (base < 0) {
      throw deny("base must be a physical address: " + base);
    }
    if (size <= 0 || base + size < base) {
      throw deny("size must be positive and the range must not wrap: " + size);
    }
    long start = base & -PhysicalMemory.PAGE;
    long end = (base + size + PhysicalMemory.PAGE - 1) & -PhysicalMemory.PAGE;
    String range = range(start, end);
    if (!memory.isDeviceMemory(start, end - start)) {
      throw deny(memory.overlapsRam(start, end - start) ? range + " is RAM, not device memory"
          : range + " is outside any device memory");
    }
    synchronized (claimed) {
      Map.Entry<Long, Long> below = claimed.floorEntry(end - 1);
      if (below != null && below.getValue() > start) {
        throw deny(range + " overlaps " + range(below.getKey(), below.getValue()) + ", in use by another session");
      }
      claimed.put(start, end);
    }
    memory.mapIntoWindow(start, end - start); // the pager delegates the client's pages from core's window
    IoMemDataspace ds = new IoMemDataspace(start, end - start);
    return new Component(ds, ep().manage(Dataspace.class, ds));
  }

  private static String range(long start, long end) {
    return "[0x" + Long.toHexString(start) + ", 0x" + Long.toHexString(end) + ")";
  }

  private ServiceDenied deny(String why) {
    log().warning("IO_MEM session denied: " + why);
    return new ServiceDenied(why);
  }

  @Override
  protected void destroySession(IoMemSession session) {
    IoMemDataspace ds = ((Component) session).dataspace;
    ep().dissolve(ds);
    ds.close();
    pager.revoke(ds.physAddr(), ds.size());
    synchronized (claimed) {
      claimed.remove(ds.physAddr());
    }
  }
}
