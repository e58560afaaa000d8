package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.rom.StaticRomSession;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ROM {@code config} init serves a child itself, from the {@code <config>} node inline in the child's
 * start node, as Genode's init does: each session gets a RAM dataspace of init's own holding the node's text,
 * which the child attaches read-only. The donation of the child's ROM session stays with init; closing the
 * session frees the dataspace.
 */
final class InlineConfigRom implements Service {
  private final Env env;
  private final QuotaAccounts initAccounts;
  private final String childName;
  private final byte[] content;
  private final Map<Long, StaticRomSession> sessions = new ConcurrentHashMap<>();

  /**
   * Serves {@code config}, the inline node of child {@code childName}, paid by init's PD session; session
   * donations go to {@code initAccounts}.
   */
  InlineConfigRom(Env env, QuotaAccounts initAccounts, String childName, String config) {
    this.env = env;
    this.initAccounts = initAccounts;
    this.childName = childName;
    this.content = config.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String name() {
    return RomSession.SERVICE_NAME;
  }

  @Override
  public QuotaAccounts accounts() {
    return initAccounts;
  }

  @Override
  public Capability<Object> session(SessionArgs args) throws ServiceDenied {
    Capability<Dataspace> ds;
    try {
      ds = env.pdSession().allocRam(Math.max(1, content.length));
    } catch (OutOfRam | OutOfCaps e) {
      throw new ServiceDenied("init has no room for the config ROM of \"" + childName + "\": " + e.getMessage());
    }
    long at;
    try {
      at = env.rm().attach(ds, 0, 0, false, 0, true);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      env.pdSession().freeRam(ds);
      throw new ServiceDenied("init cannot attach the config ROM of \"" + childName + "\": " + e.getMessage());
    }
    try {
      env.memory().write(at, content, 0, content.length);
    } finally {
      env.rm().detach(at);
    }
    StaticRomSession session = new StaticRomSession(ds, content.length);
    Capability<Object> cap = env.ep().manage(RomSession.class, session).cast();
    sessions.put(cap.selector(), session);
    return cap;
  }

  @Override
  public void upgrade(Capability<Object> session, SessionArgs args) {
    // The session costs init nothing beyond its dataspace: an upgrade stays with init's accounts.
  }

  @Override
  public void close(Capability<Object> cap) {
    StaticRomSession session = sessions.remove(cap.selector());
    if (session != null) {
      env.ep().dissolve(session);
      env.pdSession().freeRam(session.dataspace());
    }
  }
}
