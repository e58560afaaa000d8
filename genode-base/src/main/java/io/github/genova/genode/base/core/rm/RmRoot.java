package io.github.genova.genode.base.core.rm;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.Pager;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's RM service: sessions create region maps (managed dataspaces). A session costs 8 KiB and 2 caps;
 * region maps are destroyed with their session.
 */
public final class RmRoot extends RootComponent<RmSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(8192);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);

  private final NativePd corePd;
  private final Pager pager;

  /** Creates the RM root served by {@code ep}, charging {@code accounts}. */
  public RmRoot(RpcEntrypoint ep, QuotaAccounts accounts, NativePd corePd, Pager pager, Log log) {
    super(ep, RmSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.corePd = corePd;
    this.pager = pager;
  }

  private final class Component implements RmSession {
    private final List<RegionMapComponent> maps = new ArrayList<>();

    @Override
    public Capability<RegionMap> create(long size) {
      RegionMapComponent map = new RegionMapComponent(ep(), corePd, pager, size);
      synchronized (this) {
        maps.add(map);
      }
      return ep().manage(RegionMap.class, map);
    }

    @Override
    public void destroy(Capability<RegionMap> cap) {
      if (ep().apply(cap) instanceof RegionMapComponent map) {
        synchronized (this) {
          if (!maps.remove(map)) {
            return;
          }
        }
        ep().dissolve(map);
        map.dissolveDataspace();
        map.revokeAll();
      }
    }

    void destroyAll() {
      List<RegionMapComponent> all;
      synchronized (this) {
        all = List.copyOf(maps);
        maps.clear();
      }
      for (RegionMapComponent map : all) {
        ep().dissolve(map);
        map.dissolveDataspace();
        map.revokeAll();
      }
    }
  }

  @Override
  protected RmSession createSession(SessionArgs args) {
    return new Component();
  }

  @Override
  protected void destroySession(RmSession session) {
    ((Component) session).destroyAll();
  }
}
