package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.QuotaAccounts;
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
 * attached in init for as long as the session lives, which the child attaches read-only. The donation of the
 * child's ROM session stays with init; closing the session detaches and frees the dataspace. Other parents
 * (launchpad) serve their children's inline configs with it too.
 */
public final class InlineConfigRom implements Service {
  private final Env env;
  private final QuotaAccounts initAccounts;
  private final String childName;
  private final byte[] content;
  private final Map<Long, OpenSession> sessions = new ConcurrentHashMap<>();

  /** A session and the dataspace of init's that backs it. */
  private record OpenSession(StaticRomSession session, AttachedRamDataspace content) {}

  /**
   * Serves {@code config}, the inline node of child {@code childName}, paid by init's PD session; session
   * donations go to {@code initAccounts}.
   */
  public InlineConfigRom(Env env, QuotaAccounts initAccounts, String childName, String config) {
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
    AttachedRamDataspace ds;
    try {
      ds = AttachedRamDataspace.allocate(env, Math.max(1, content.length));
    } catch (AttachedRamDataspace.AllocationFailed e) {
      throw new ServiceDenied("no room for the config ROM of \"" + childName + "\": " + e.getMessage());
    }
    ds.write(0, content, 0, content.length);
    StaticRomSession session = new StaticRomSession(ds.dataspace(), content.length);
    Capability<Object> cap = env.ep().manage(RomSession.class, session).cast();
    sessions.put(cap.selector(), new OpenSession(session, ds));
    return cap;
  }

  @Override
  public void upgrade(Capability<Object> session, SessionArgs args) {
    // The session costs init nothing beyond its dataspace: an upgrade stays with init's accounts.
  }

  @Override
  public void close(Capability<Object> cap) {
    OpenSession open = sessions.remove(cap.selector());
    if (open != null) {
      env.ep().dissolve(open.session());
      open.content().close();
    }
  }
}
