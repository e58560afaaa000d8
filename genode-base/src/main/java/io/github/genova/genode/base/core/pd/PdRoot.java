package io.github.genova.genode.base.core.pd;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.CoreRamAllocator;
import io.github.genova.genode.base.core.memory.Pager;
import io.github.genova.genode.base.core.memory.RamDataspace;
import io.github.genova.genode.base.core.rm.RegionMapComponent;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.ConstrainedRamAllocator;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's PD service. A session's RAM and capability budget is its donation minus the session object's cost
 * (8 KiB, 2 caps); core withdraws that budget from its own accounts when creating the session, so whatever
 * the PD allocates, core never holds more than was donated. RAM dataspaces are real frames, zero-filled,
 * each costing its page-rounded size and one capability. Closing the session frees every dataspace and
 * returns the budget to core's accounts, from where the parent returns the donation.
 */
public final class PdRoot extends RootComponent<PdSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(8192);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);
  /** The size of an address space. */
  public static final long ADDRESS_SPACE = 0x8000_0000_0000L - 0x1000_0000L;

  private final QuotaAccounts coreAccounts;
  private final CoreRamAllocator ram;
  private final NativePd corePd;
  private final Pager pager;

  /** Creates the PD root served by {@code ep}, allocating from {@code ram}, charging {@code accounts}. */
  public PdRoot(RpcEntrypoint ep, QuotaAccounts accounts, CoreRamAllocator ram, NativePd corePd, Pager pager,
      Log log) {
    super(ep, PdSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.coreAccounts = accounts;
    this.ram = ram;
    this.corePd = corePd;
    this.pager = pager;
  }

  /** A PD session: its budget, its dataspaces and its address space. */
  public final class Component implements PdSession {
    private final QuotaAccounts budget;
    private final ConstrainedRamAllocator<RamDataspace> allocator;
    private final List<RamDataspace> dataspaces = new ArrayList<>();
    private final RegionMapComponent addressSpace;
    private final Capability<RegionMap> addressSpaceCap;
    /** The portal {@link #pager()} hands out, once made. */
    private long pagerPortal = Capability.INVALID_SELECTOR;
    /** Every page-fault portal made for this PD, released with the session. */
    private final List<Long> pagerPortals = new ArrayList<>();

    private Component(QuotaAccounts budget) {
      this.budget = budget;
      this.allocator = new ConstrainedRamAllocator<>(ram, budget.ram(), budget.caps());
      this.addressSpace = new RegionMapComponent(ep(), corePd, pager, ADDRESS_SPACE);
      this.addressSpaceCap = ep().manage(RegionMap.class, addressSpace);
    }

    /** Returns the address space, which core's pager resolves faults of this PD through. */
    public RegionMapComponent addressSpaceComponent() {
      return addressSpace;
    }

    /** Returns the session's budget. */
    public QuotaAccounts budget() {
      return budget;
    }

    @Override
    public Capability<Dataspace> allocRam(long size) throws OutOfRam, OutOfCaps {
      if (size <= 0) {
        throw new OutOfRam(budget.ram().name(), RamQuota.of(0), budget.ram().avail());
      }
      RamDataspace ds = allocator.alloc(size);
      synchronized (this) {
        dataspaces.add(ds);
      }
      return ep().manage(Dataspace.class, ds);
    }

    @Override
    public void freeRam(Capability<Dataspace> cap) {
      if (!(ep().apply(cap) instanceof RamDataspace ds)) {
        return;
      }
      synchronized (this) {
        if (!dataspaces.remove(ds)) {
          return; // another session's: left intact
        }
      }
      ep().dissolve(ds);
      pager.revoke(ds.physAddr(), ds.size());
      allocator.free(ds);
    }

    @Override
    public long ramQuota() {
      return budget.ram().limit().value();
    }

    @Override
    public long usedRam() {
      return budget.ram().used().value();
    }

    @Override
    public long capQuota() {
      return budget.caps().limit().value();
    }

    @Override
    public long usedCaps() {
      return budget.caps().used().value();
    }

    @Override
    public Capability<RegionMap> addressSpace() {
      return addressSpaceCap;
    }

    @Override
    public synchronized Capability<Object> pager() throws OutOfCaps {
      if (pagerPortal == Capability.INVALID_SELECTOR) {
        pagerPortal = newPagerPortal();
      }
      return Capability.of(pagerPortal);
    }

    @Override
    public synchronized Capability<Object> threadPager() throws OutOfCaps {
      return Capability.of(newPagerPortal());
    }

    /** A new page-fault portal into this PD's address space, served by a pager EC of its own; costs a cap. */
    private long newPagerPortal() throws OutOfCaps {
      budget.caps().withdraw(CapQuota.of(1));
      long sel = corePd.selectors().alloc();
      try {
        pager.installFor(sel, addressSpace);
      } catch (IllegalStateException e) { // core has no stack slot left for another pager EC
        corePd.selectors().free(sel);
        budget.caps().replenish(CapQuota.of(1));
        log().error("no pager for PD session: " + e.getMessage());
        throw new OutOfCaps("core", CapQuota.of(1), CapQuota.of(0));
      }
      pagerPortals.add(sel);
      return sel;
    }

    private void destroy() {
      List<RamDataspace> all;
      synchronized (this) {
        all = List.copyOf(dataspaces);
        dataspaces.clear();
      }
      ep().dissolve(addressSpace);
      addressSpace.dissolveDataspace();
      pager.forget(addressSpace);
      List<Long> portals;
      synchronized (this) {  // the portals go with the session, from every PD they were given to
        portals = List.copyOf(pagerPortals);
        pagerPortals.clear();
        pagerPortal = Capability.INVALID_SELECTOR;
      }
      portals.forEach(portal -> corePd.release(Capability.of(portal)));
      for (RamDataspace ds : all) {
        ep().dissolve(ds);
        pager.revoke(ds.physAddr(), ds.size());
        allocator.free(ds);
      }
    }
  }

  @Override
  protected PdSession createSession(SessionArgs args) throws InsufficientRamQuota, InsufficientCapQuota {
    Session.Resources budget = Session.Resources.from(args);
    try {
      coreAccounts.ram().withdraw(budget.ramQuota());
    } catch (OutOfRam e) {
      throw new InsufficientRamQuota(budget.ramQuota(), budget.ramQuota());
    }
    try {
      coreAccounts.caps().withdraw(budget.capQuota());
    } catch (OutOfCaps e) {
      coreAccounts.ram().replenish(budget.ramQuota());
      throw new InsufficientCapQuota(budget.capQuota(), budget.capQuota());
    }
    return new Component(QuotaAccounts.of("pd " + args.label(), budget.ramQuota(), budget.capQuota()));
  }

  @Override
  protected void upgradeSession(PdSession session, Session.Resources extra) {
    Component c = (Component) session;
    try {
      coreAccounts.ram().withdraw(extra.ramQuota());
      coreAccounts.caps().withdraw(extra.capQuota());
    } catch (OutOfRam | OutOfCaps e) {
      throw new IllegalStateException("an upgrade's donation did not reach core: " + e.getMessage(), e);
    }
    c.budget.ram().upgrade(extra.ramQuota());
    c.budget.caps().upgrade(extra.capQuota());
  }

  @Override
  protected void destroySession(PdSession session) {
    Component c = (Component) session;
    c.destroy();
    coreAccounts.caps().replenish(c.budget.caps().limit());
    coreAccounts.ram().replenish(c.budget.ram().limit());
  }
}
