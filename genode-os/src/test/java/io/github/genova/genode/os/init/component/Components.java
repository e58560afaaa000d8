package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.SessionArgs;

/** Test components run under init: a server of {@link Adder} and a client of it. */
final class Components {
  private Components() {}

  /** A server that announces {@code service} (an {@link Adder}) right away. */
  static Component adderServer(String service) {
    return env -> {
      RootComponent<Adder> root = new RootComponent<>(env.ep(), Adder.class, RamQuota.of(2048),
          CapQuota.of(1), env.log()) {
        @Override
        protected Adder createSession(SessionArgs args) {
          return x -> x + 1;
        }
      };
      env.log().log("announcing " + service);
      env.parentInterface().announce(service, env.ep().manage(Root.class, root));
      env.log().log("announced " + service);
    };
  }

  /** A client that opens an Adder session, logs 41 + 1 and exits with 0, or logs the refusal and exits 1. */
  static Component adderClient() {
    return env -> {
      env.log().log("requesting " + Adder.SERVICE_NAME);
      try (var adder = new Connection<>(env, Adder.class, Adder.SERVICE_NAME,
          SessionArgs.parse("ram_quota=4K, cap_quota=2"))) {
        env.log().log("41 + 1 = " + adder.session().add(41));
      } catch (Exception e) {
        env.log().log("no " + Adder.SERVICE_NAME + ": " + e.getClass().getSimpleName());
        env.parentInterface().exit(1);
        return;
      }
      env.parentInterface().exit(0);
    };
  }
}
