package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.core.log.LogRoot;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The parent side of sessions, driven as a child would (the test calls the {@link Parent} interface of a
 * {@link Child} directly, on core's thread): checklist items 54–56, quota errors with nothing lost,
 * malformed arguments, and the teardown of crashing children while their siblings run on.
 */
class ParentChildTest {
  private static final String IDLE = "idle";

  private static void inCore(Consumer<Core> body) {
    CoreScenario s = new CoreScenario();
    // init does nothing here; the test's own children are started next to it.
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> { }), body);
  }

  private static String balance(Child c, Core core) {
    return c.accounts().ram().avail().value() + "/" + c.accounts().caps().avail().value() + " core "
        + core.accounts().ram().avail().value() + "/" + core.accounts().caps().avail().value();
  }

  @Test
  void item54_sessionMovesTheDonationClientToServerAndCloseMovesItBack() {
    List<String> seen = new ArrayList<>();
    inCore(core -> {
      try {
        Child c = new Children(core).start(IDLE, 1 << 20, 50, env -> { });
        long childRam = c.accounts().ram().avail().value();
        long coreRam = core.accounts().ram().avail().value();
        Capability<Object> log = c.session(LogSession.SERVICE_NAME, "ram_quota=8K, cap_quota=2");
        seen.add((childRam - c.accounts().ram().avail().value()) + " "
            + (core.accounts().ram().avail().value() - coreRam));
        RpcInterface.of(LogSession.class).client(log.<LogSession>cast()).write("on the child's behalf");
        c.close(log);
        seen.add((childRam - c.accounts().ram().avail().value()) + " "
            + (core.accounts().ram().avail().value() - coreRam));
        c.destroy();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // The child gave 8K; core got 8K, of which the LOG session object holds 4K; close returns all of it.
    assertThat(seen).containsExactly("8192 " + (8192 - LogRoot.SESSION_RAM.value()), "0 0");
  }

  @Test
  void item55_aFailedSessionRequestLeavesAllAccountsUnchanged() {
    List<String> seen = new ArrayList<>();
    inCore(core -> {
      try {
        Child c = new Children(core).start(IDLE, 1 << 20, 50, env -> { });
        String before = balance(c, core);
        int sessions = c.sessionCount();
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=2K, cap_quota=2"))
            .isInstanceOf(InsufficientRamQuota.class);
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=8K, cap_quota=0"))
            .isInstanceOf(InsufficientCapQuota.class);
        assertThatThrownBy(() -> c.session("ROM", "label=\"nonexistent\", ram_quota=8K, cap_quota=3"))
            .isInstanceOf(ServiceDenied.class);
        assertThatThrownBy(() -> c.session("NO_SUCH_SERVICE", "ram_quota=8K"))
            .isInstanceOf(ServiceDenied.class);
        seen.add(before.equals(balance(c, core)) + " " + (sessions == c.sessionCount()));
        c.destroy();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(seen).containsExactly("true true");
  }

  @Test
  void item56_aChildCannotCloseItsInitialEnvSessions() {
    CoreScenario s = new CoreScenario();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> {
      Parent parent = env.parentInterface();
      try {
        parent.close(parent.session(Parent.ENV_LOG, ""));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.log().log("still logging");
      parent.exit(0);
    }), core -> s.awaitLine("child \"init\" exited with exit value 0"));
    assertThat(s.console).containsSubsequence("Warning: init: an initial session cannot be closed",
        "[init] still logging");
  }

  @Test
  void aChildAskingBeyondItsQuotaGetsQuotaErrorsAndCoreDoesNotGrow() {
    List<String> seen = new ArrayList<>();
    inCore(core -> {
      try {
        Child c = new Children(core).start(IDLE, 64 << 10, 10, env -> { });
        String before = balance(c, core);
        int logSessions = ((LogRoot) ((io.github.genova.genode.base.child.RootService)
            core.services().lookup("LOG").orElseThrow()).root()).sessionCount();
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=1M, cap_quota=2"))
            .isInstanceOf(OutOfRam.class);
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=8K, cap_quota=1000"))
            .isInstanceOf(OutOfCaps.class);
        seen.add(String.valueOf(before.equals(balance(c, core))));
        // Sessions within quota work until the quota is used up; then the next one is refused.
        int opened = 0;
        while (true) {
          try {
            c.session(LogSession.SERVICE_NAME, "ram_quota=8K, cap_quota=1");
            opened++;
          } catch (OutOfRam | OutOfCaps e) {
            break;
          } catch (InsufficientCapQuota e) {
            throw new IllegalStateException(e);
          }
        }
        int nowSessions = ((LogRoot) ((io.github.genova.genode.base.child.RootService)
            core.services().lookup("LOG").orElseThrow()).root()).sessionCount();
        seen.add(opened + " " + (nowSessions - logSessions));
        c.destroy();
        seen.add(String.valueOf(((LogRoot) ((io.github.genova.genode.base.child.RootService)
            core.services().lookup("LOG").orElseThrow()).root()).sessionCount() - logSessions));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // 64K minus the initial LOG session's 8K leaves room for 7 sessions of 8K; caps (10 - 2) for 8.
    assertThat(seen).containsExactly("true", "7 7", "-1");
  }

  @Test
  void malformedSessionArgumentsAreDeniedWithAWarningNamingTheKey() {
    CoreScenario s = new CoreScenario();
    List<String> seen = new ArrayList<>();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> { }), core -> {
      try {
        Child c = new Children(core).start(IDLE, 1 << 20, 50, env -> { });
        String before = balance(c, core);
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=8Q, cap_quota=2"))
            .isInstanceOf(ServiceDenied.class).hasMessageContaining("ram_quota");
        assertThatThrownBy(() -> c.session(LogSession.SERVICE_NAME, "ram_quota=8K, label=\"unterminated"))
            .isInstanceOf(ServiceDenied.class).hasMessageContaining("label");
        seen.add(String.valueOf(before.equals(balance(c, core))));
        c.destroy();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(seen).containsExactly("true");
    assertThat(s.console).anyMatch(l -> l.startsWith("Warning: idle: malformed") && l.contains("ram_quota"));
  }

  @Test
  void aChildThrowingFromConstructIsTornDownWithItsSessionsAndQuotaWhileItsSiblingRunsOn() {
    CoreScenario s = new CoreScenario();
    List<String> seen = new ArrayList<>();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> { }), core -> {
      try {
        Children children = new Children(core);
        Child server = children.start("server", 1 << 20, 50, new HelloServer());
        s.await(() -> server.announced().containsKey(Hello.SERVICE_NAME));
        long coreRam = core.accounts().ram().avail().value();
        long coreCaps = core.accounts().caps().avail().value();
        Child crasher = children.start("crasher", 1 << 20, 50, env -> {
          try {
            env.parentInterface().session(LogSession.SERVICE_NAME, "label=\"extra\", ram_quota=8K, cap_quota=2");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          throw new IllegalStateException("broken on purpose");
        });
        s.await(() -> crasher.exitValue() != null);
        seen.add("exit " + crasher.exitValue() + " sessions " + crasher.sessionCount());
        crasher.destroy();
        seen.add("back " + (core.accounts().ram().avail().value() == coreRam) + " "
            + (core.accounts().caps().avail().value() == coreCaps) + " sessions " + crasher.sessionCount());
        Capability<Object> hello = children.start("client", 1 << 20, 50, env -> { })
            .session(Hello.SERVICE_NAME, "ram_quota=4K, cap_quota=2");
        seen.add("sibling answers " + RpcInterface.of(Hello.class).client(hello.<Hello>cast()).hello(41));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(seen).containsExactly("exit -1 sessions 2", "back true true sessions 0", "sibling answers 42");
    assertThat(s.console).contains("[crasher] Error: Uncaught exception of type 'java.lang.IllegalStateException': "
        + "broken on purpose", "child \"crasher\" exited with exit value -1");
  }

  @Test
  void aServerThrowingFromAnRpcIsTornDownAndItsClientsSessionsAreClosedWhileSiblingsRunOn() {
    CoreScenario s = new CoreScenario();
    List<String> seen = new ArrayList<>();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> { }), core -> {
      try {
        Children children = new Children(core);
        Child server = children.start("server", 1 << 20, 50, new HelloServer());
        s.await(() -> server.announced().containsKey(Hello.SERVICE_NAME));
        Child client = children.start("client", 1 << 20, 50, env -> { });
        long clientRam = client.accounts().ram().avail().value();
        Hello hello = RpcInterface.of(Hello.class).client(
            client.session(Hello.SERVICE_NAME, "ram_quota=4K, cap_quota=2").<Hello>cast());
        seen.add("answer " + hello.hello(1));
        assertThatThrownBy(() -> hello.hello(-1)).isInstanceOf(IpcError.class);
        s.await(() -> server.exitValue() != null);
        seen.add("server exit " + server.exitValue());
        server.destroy();
        seen.add("server gone " + server.sessionCount());
        // The client's session at the dead server: closing it returns nothing from a dead server, but the
        // client loses nothing beyond that donation and can still use core.
        Capability<Object> log = client.session(LogSession.SERVICE_NAME, "ram_quota=8K, cap_quota=2");
        RpcInterface.of(LogSession.class).client(log.<LogSession>cast()).write("client still here");
        client.close(log);
        seen.add("client lost " + (clientRam - client.accounts().ram().avail().value()));
        client.destroy();
        seen.add("client destroyed " + client.sessionCount());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(seen).containsExactly("answer 2", "server exit -1", "server gone 0", "client lost 4096",
        "client destroyed 0");
    assertThat(s.console).contains("[client] client still here");
  }

  @Test
  void aPdSessionAllocatesOnlyWhatWasDonatedAndClosingFreesItsDataspaces() {
    List<String> seen = new ArrayList<>();
    inCore(core -> {
      try {
        Child c = new Children(core).start(IDLE, 1 << 20, 50, env -> { });
        long physical = core.memory().available();
        String before = balance(c, core);
        Capability<Object> cap = c.session("PD", "ram_quota=64K, cap_quota=8");
        io.github.genova.genode.base.pd.PdSession pd =
            RpcInterface.of(io.github.genova.genode.base.pd.PdSession.class).client(cap.cast());
        pd.allocRam(40000);
        seen.add(pd.ramQuota() + " " + pd.usedRam());
        assertThatThrownBy(() -> pd.allocRam(30000)).isInstanceOf(OutOfRam.class);
        seen.add("physical used " + (physical - core.memory().available()));
        c.close(cap);
        seen.add(before.equals(balance(c, core)) + " physical back " + (physical == core.memory().available()));
        c.destroy();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // 64K donated, 8K for the session object: 56K of budget, of which 40K (page-rounded) are in use.
    assertThat(seen).containsExactly((56 << 10) + " 40960", "physical used 40960", "true physical back true");
  }

  @Test
  void capabilitiesAChildPassesToCloseOrUpgradeThatAreNoSessionsOccupyNoSelectorOfTheParent() {
    CoreScenario s = new CoreScenario();
    List<Integer> grown = new ArrayList<>();
    s.run(CoreScenario.MENU, Map.of(), ComponentRegistry.of(List.of()).with("init", env -> { }), core -> {
      try {
        Children children = new Children(core);
        for (int forged : new int[] {1, 21}) {
          String name = "closer" + forged;
          int before = core.env().pd().selectors().inUse();
          Child c = children.start(name, 1 << 20, 50, env -> {
            for (int i = 0; i < forged; i++) {
              Capability<Object> mine = Capability.of(env.pd().createSemaphore(0));
              env.parentInterface().close(mine);
              try {
                env.parentInterface().upgrade(mine, "ram_quota=4K");
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            }
            env.parentInterface().exit(0);
          });
          s.awaitLine("child \"" + name + "\" exited with exit value 0");
          grown.add(core.env().pd().selectors().inUse() - before);
          c.destroy();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // Twenty more distinct capabilities passed to close and upgrade leave core's selectors as one does.
    assertThat(grown.get(1)).isEqualTo(grown.get(0));
  }
}
