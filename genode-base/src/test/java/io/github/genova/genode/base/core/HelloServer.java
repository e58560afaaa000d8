package io.github.genova.genode.base.core;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.SessionArgs;

/** A test server component: announces {@link Hello}; a session costs 2 KiB and one capability. */
final class HelloServer implements Component {
  @Override
  public void construct(Env env) {
    RootComponent<Hello> root = new RootComponent<>(env.ep(), Hello.class, RamQuota.of(2048), CapQuota.of(1),
        env.log()) {
      @Override
      protected Hello createSession(SessionArgs args) {
        return x -> {
          if (x < 0) {
            throw new IllegalStateException("negative argument");
          }
          return x + 1;
        };
      }
    };
    env.parentInterface().announce(Hello.SERVICE_NAME, env.ep().manage(Root.class, root));
  }
}
