package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A misbehaving ROM server for the negative test: every module it serves is an empty page of writeable RAM,
 * so a component that attaches such a "ROM" can modify it, and the region-manager fault test's ROM check must
 * catch that.
 */
final class WritableRom implements Component {
  /** A module of no content in a page of writeable RAM. */
  private record EmptyModule(Capability<Dataspace> dataspace) implements RomSession {
    @Override
    public long contentSize() {
      return 0;
    }
  }

  @Override
  public void construct(Env env) {
    RootComponent<RomSession> root = new RootComponent<>(env.ep(), RomSession.class, RamQuota.of(4096),
        CapQuota.of(1), env.log()) {
      @Override
      protected RomSession createSession(SessionArgs args) throws ServiceDenied {
        try {
          return new EmptyModule(env.pdSession().allocRam(4096));
        } catch (OutOfRam | OutOfCaps e) {
          throw new ServiceDenied("no RAM for the module: " + e);
        }
      }
    };
    env.parentInterface().announce(RomSession.SERVICE_NAME, env.ep().manage(Root.class, root));
  }
}
