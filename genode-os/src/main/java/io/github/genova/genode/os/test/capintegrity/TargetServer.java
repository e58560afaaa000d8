package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server of the capability-integrity test ({@code test-cap-integrity-server}): announces the {@link
 * TargetSession#SERVICE_NAME Target} service and serves its sessions and their {@link Target targets} at
 * its entrypoint, in its own PD, so that every capability the test uses crosses protection domains.
 */
public final class TargetServer implements Component {
  /** What one session costs the server in RAM, in bytes. */
  public static final long SESSION_RAM = 2048;

  /** Creates the server. */
  public TargetServer() {}

  @Override
  public void construct(Env env) {
    AtomicLong ids = new AtomicLong();
    AtomicLong dispatches = new AtomicLong();
    RootComponent<TargetSession> root = new RootComponent<>(env.ep(), TargetSession.class,
        RamQuota.of(SESSION_RAM), CapQuota.of(1), env.log()) {
      @Override
      protected TargetSession createSession(SessionArgs args) {
        return new TargetSessionComponent(env.ep(), env.pd(), env.log(), ids, dispatches);
      }

      @Override
      protected void destroySession(TargetSession session) {
        ((TargetSessionComponent) session).dissolveAll();
      }
    };
    env.parentInterface().announce(TargetSession.SERVICE_NAME, env.ep().manage(Root.class, root));
    env.log().log("announced " + TargetSession.SERVICE_NAME);
  }
}
