package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.test.capintegrity.CapIntegrityTest;
import io.github.genova.genode.os.test.capintegrity.Target;
import io.github.genova.genode.os.test.capintegrity.TargetSession;

/**
 * A misbehaving Target server for the negative test: it serves each session by forwarding to a session of
 * its own at the real server, faithfully, except that it only pretends to revoke. The capabilities it hands
 * out stay valid, so the test's revocation check must catch them working.
 */
final class PretendedRevocation implements Component {
  /** A session forwarded to the real server's, but for {@link #revoke}. */
  private record Forwarding(Connection<TargetSession> upstream) implements TargetSession {
    private TargetSession real() {
      return upstream.session();
    }

    @Override
    public Capability<Target> create() {
      return real().create();
    }

    @Override
    public long serverSelector(Capability<Target> target) {
      return real().serverSelector(target);
    }

    @Override
    public long identify(Capability<Object> cap) {
      return real().identify(cap);
    }

    @Override
    public boolean revoke(Capability<Target> target) {
      return real().serverSelector(target) >= 0; // claims success, revokes nothing
    }

    @Override
    public boolean dissolve(Capability<Target> target) {
      return real().dissolve(target);
    }

    @Override
    public int targets() {
      return real().targets();
    }

    @Override
    public long dispatches() {
      return real().dispatches();
    }
  }

  @Override
  public void construct(Env env) {
    RootComponent<TargetSession> root = new RootComponent<>(env.ep(), TargetSession.class,
        RamQuota.of(2048), CapQuota.of(1), env.log()) {
      @Override
      protected TargetSession createSession(SessionArgs args) throws ServiceDenied {
        try {
          return new Forwarding(new Connection<>(env, TargetSession.class, TargetSession.SERVICE_NAME,
              SessionArgs.parse(CapIntegrityTest.SESSION_ARGS)));
        } catch (OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
          throw new ServiceDenied("no upstream session: " + e);
        }
      }

      @Override
      protected void destroySession(TargetSession session) {
        ((Forwarding) session).upstream().close();
      }
    };
    env.parentInterface().announce(TargetSession.SERVICE_NAME, env.ep().manage(Root.class, root));
  }
}
