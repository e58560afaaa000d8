package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link RootComponent} called directly in init, as a parent's session requests reach it: the two ways it
 * accounts for a session's cost — checked against the donation only (a server outside core), or also charged
 * to core-local server accounts — and its answers to short and malformed requests.
 */
class RootComponentTest {
  private static final RamQuota SESSION_RAM = RamQuota.of(2048);
  private static final CapQuota SESSION_CAPS = CapQuota.of(1);

  /** A root of {@link Hello} sessions that records the quota arguments each session was created with. */
  private static RootComponent<Hello> helloRoot(Env env, @Nullable QuotaAccounts serverAccounts, List<String> seen) {
    final class HelloRoot extends RootComponent<Hello> {
      HelloRoot() {
        super(env.ep(), Hello.class, SESSION_RAM, SESSION_CAPS, env.log());
      }

      HelloRoot(QuotaAccounts accounts) {
        super(env.ep(), Hello.class, accounts, SESSION_RAM, SESSION_CAPS, env.log());
      }

      @Override
      protected Hello createSession(SessionArgs args) {
        seen.add("created with ram_quota=" + args.longValue("ram_quota", -1) + " cap_quota="
            + args.longValue("cap_quota", -1));
        return x -> x + 1;
      }
    }
    return serverAccounts == null ? new HelloRoot() : new HelloRoot(serverAccounts);
  }

  /** Asks {@code root} for a session with {@code args}; returns its capability or records the refusal. */
  private static @Nullable Capability<Object> request(RootComponent<Hello> root, String args, List<String> seen) {
    try {
      return root.session(args);
    } catch (InsufficientRamQuota | InsufficientCapQuota | ServiceDenied e) {
      seen.add(args + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return null;
    }
  }

  @Test
  void item53_aServerOutsideCoreRefusesADonationShortOfTheSessionsCostNamingWhatItNeeds() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    List<String> console = CoreScenario.runInit(env -> {
      RootComponent<Hello> root = helloRoot(env, null, seen);
      request(root, "ram_quota=2047, cap_quota=1", seen);
      request(root, "ram_quota=2048, cap_quota=0", seen);
      request(root, "ram_quota=2K, cap_quota=-1", seen);
      request(root, "ram_quota=lots", seen);
      seen.add("open after refusals: " + root.sessionCount());
      Capability<Object> cap = request(root, "label=\"x\", ram_quota=5000, cap_quota=3", seen);
      if (cap != null) {
        seen.add("hello " + RpcInterface.of(Hello.class).client(cap.<Hello>cast()).hello(41) + ", open "
            + root.sessionCount());
        root.close(cap);
        seen.add("open after close: " + root.sessionCount() + ", known " + (root.lookupSession(cap) != null));
        root.close(cap);
        seen.add("open after second close: " + root.sessionCount());
      }
    });
    assertThat(seen).hasSize(9);
    assertThat(seen.subList(0, 2)).containsExactly(
        "ram_quota=2047, cap_quota=1: InsufficientRamQuota: insufficient RAM quota: donated 2047 bytes, "
            + "session needs 2048",
        "ram_quota=2048, cap_quota=0: InsufficientCapQuota: insufficient cap quota: donated 0 caps, "
            + "session needs 1");
    assertThat(seen.get(2)).startsWith("ram_quota=2K, cap_quota=-1: ServiceDenied: ").contains("cap_quota");
    assertThat(seen.get(3)).startsWith("ram_quota=lots: ServiceDenied: ").contains("ram_quota");
    assertThat(seen.subList(4, 9)).containsExactly("open after refusals: 0",
        "created with ram_quota=2952 cap_quota=2", "hello 42, open 1", "open after close: 0, known false",
        "open after second close: 0");
    assertThat(console).anyMatch(l -> l.startsWith("[init] Warning: malformed session arguments") && l.contains("lots"));
  }

  @Test
  void item54_item55_coreChargesTheCostToItsServerAccountsRefusesWhenTheyRunShortAndGivesItBackOnClose() {
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    CoreScenario.runInit(env -> {
      QuotaAccounts accounts = QuotaAccounts.of("server", RamQuota.of(3000), CapQuota.of(5));
      RootComponent<Hello> root = helloRoot(env, accounts, seen);
      Capability<Object> first = request(root, "ram_quota=4096, cap_quota=2", seen);
      seen.add("after one session: " + accounts.ram().avail().value() + " bytes, " + accounts.caps().avail().value()
          + " caps");
      request(root, "ram_quota=4096, cap_quota=2", seen);
      seen.add("after a refusal: " + accounts.ram().avail().value() + " bytes, open " + root.sessionCount());
      if (first != null) {
        root.close(first);
      }
      seen.add("after close: " + accounts.ram().avail().value() + " bytes, " + accounts.caps().avail().value()
          + " caps");
    });
    assertThat(seen).containsExactly("created with ram_quota=2048 cap_quota=1", "after one session: 952 bytes, 4 caps",
        "ram_quota=4096, cap_quota=2: InsufficientRamQuota: insufficient RAM quota: donated 952 bytes, "
            + "session needs 2048",
        "after a refusal: 952 bytes, open 1", "after close: 3000 bytes, 5 caps");
  }
}
