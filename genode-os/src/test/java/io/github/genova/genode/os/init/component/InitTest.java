package io.github.genova.genode.os.init.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioRun;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** init as a component, run under core: checklist items 57-70 where the runtime is needed (57, 63, 64, 65, 66, 68). */
class InitTest {
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final String PARENT_PROVIDES = """
        <parent-provides>
          <service name="LOG"/> <service name="ROM"/> <service name="PD"/> <service name="CPU"/>
          <service name="RM"/>
        </parent-provides>
        <default-route> <any-service> <parent/> <any-child/> </any-service> </default-route>
      """;

  private static String config(String starts) {
    return "<config>\n" + PARENT_PROVIDES + starts + "</config>\n";
  }

  @Test
  void item57_aChildDonatesFromItsQuantumAndNoMore() {
    ScenarioRun run = Scenario.of(config("""
          <start name="donor" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        """)).with("donor", env -> {
          // 64K: 8K went to the initial LOG session, 32K to the initial PD session; 24K are left to donate.
          for (String ram : new String[] {"16K", "32K"}) {
            try (var log = new Connection<>(env, LogSession.class, LogSession.SERVICE_NAME,
                SessionArgs.parse("label=\"" + ram + "\", ram_quota=" + ram + ", cap_quota=2"))) {
              log.session().write("donated " + ram);
            } catch (Exception e) {
              env.log().log(ram + ": " + e.getClass().getSimpleName());
            }
          }
          env.parentInterface().exit(0);
        }).run(s -> s.awaitLog("[init] child \"donor\" exited with exit value 0", SECOND));
    assertThat(run.log()).contains("[init -> donor -> 16K] donated 16K", "[init -> donor] 32K: OutOfRam");
  }

  @Test
  void item66_aChildReadsItsInlineConfigNodeAsRomConfig() {
    ScenarioRun run = Scenario.of(config("""
          <start name="reader" caps="20"> <resource name="RAM" quantum="128K"/>
            <config verbose="yes"><greeting text="hi from the config"/></config>
          </start>
        """)).with("reader", env -> {
          try (AttachedRomDataspace rom = new AttachedRomDataspace(env, "config")) {
            env.log().log("config: " + rom.text().replaceAll("\\s+", " "));
            env.parentInterface().exit(0);
          } catch (Exception e) {
            env.log().log("no config: " + e.getClass().getSimpleName());
            env.parentInterface().exit(1);
          }
        }).run(s -> s.awaitLog("[init] child \"reader\" exited with exit value 0", SECOND));
    assertThat(run.log()).contains(
        "[init -> reader] config: <config verbose=\"yes\"><greeting text=\"hi from the config\"/></config>",
        "[init] child \"reader\" exited with exit value 0");
  }

  @Test
  void aChildOfInitAllocatesAttachesAndUsesRamThroughCoresPager() {
    ScenarioRun run = Scenario.of(config("""
          <start name="user" caps="20"> <resource name="RAM" quantum="256K"/> </start>
        """)).with("user", env -> {
          try {
            PdSession pd = env.pdSession();
            Capability<Dataspace> ds = pd.allocRam(2 * 4096);
            long at = env.rm().attach(ds, 0, 0, false, 0, true);
            env.memory().writeLong(at + 4096 + 8, 0x1234_5678_9abcL);
            long second = env.rm().attach(ds, 0, 0, false, 0, false);
            env.log().log("read 0x" + Long.toHexString(env.memory().readLong(second + 4096 + 8))
                + " through a second mapping; PD budget " + pd.ramQuota() + ", used " + pd.usedRam());
            env.rm().detach(second);
            env.rm().detach(at);
            pd.freeRam(ds);
            env.log().log("used after free " + pd.usedRam());
            env.parentInterface().exit(0);
          } catch (Exception e) {
            env.log().log("failed: " + e);
            env.parentInterface().exit(1);
          }
        }).run(s -> s.awaitLog("[init] child \"user\" exited with exit value 0", SECOND));
    // 256K quantum: half (128K) donated to the PD session, whose object costs 8K of it.
    assertThat(run.log()).contains("[init -> user] read 0x123456789abc through a second mapping; PD budget "
        + (120 << 10) + ", used 8192", "[init -> user] used after free 0");
  }

  @Test
  void aFaultWaitingForItsRegionMapHandlerHoldsUpNoOtherComponentsFaults() {
    ScenarioRun run = Scenario.of(config("""
          <start name="waiter" caps="40"> <resource name="RAM" quantum="256K"/> </start>
          <start name="worker" caps="20"> <resource name="RAM" quantum="256K"/> </start>
        """)).with("waiter", env -> {
          try {
            Connection<RmSession> rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
                SessionArgs.parse("ram_quota=16K, cap_quota=4"));
            RegionMap sub = RpcInterface.of(RegionMap.class).client(rm.session().create(0x10000));
            long managed = env.rm().attach(sub.dataspace(), 0, 0, false, 0, false);
            env.log().log("reading where nothing is attached");
            env.log().log("unexpectedly read " + env.memory().readInt(managed)); // waits for good
          } catch (Exception e) {
            env.log().log("failed: " + e);
          }
        }).withWaiting("worker", scenario -> env -> {
          while (!scenario.logContains("[init -> waiter] reading where nothing is attached")) {
            scenario.sleep(Duration.ofMillis(1));
          }
          try {
            Capability<Dataspace> ds = env.pdSession().allocRam(4096);
            long at = env.rm().attach(ds, 0, 0, false, 0, true);
            env.memory().writeInt(at, 42);
            env.log().log("worker read " + env.memory().readInt(at));
            env.parentInterface().exit(0);
          } catch (Exception e) {
            env.log().log("failed: " + e);
            env.parentInterface().exit(1);
          }
        }).run(s -> s.awaitLog("[init] child \"worker\" exited with exit value 0", SECOND));
    assertThat(run.log()).containsSubsequence("[init -> waiter] reading where nothing is attached",
        "[init -> worker] worker read 42").noneMatch(l -> l.contains("unexpectedly"));
  }

  @Test
  void aNestedInitStartsItsOwnChildrenFromItsInlineConfig() {
    ScenarioRun run = Scenario.of(config("""
          <start name="sub" caps="200"> <binary name="init"/> <resource name="RAM" quantum="2M"/>
            <config>
              <parent-provides> <service name="LOG"/> <service name="PD"/> </parent-provides>
              <default-route> <any-service> <parent/> </any-service> </default-route>
              <start name="hello" caps="20"> <resource name="RAM" quantum="128K"/> </start>
            </config>
          </start>
        """)).with("hello", env -> {
          env.log().log("Hello from below");
          env.parentInterface().exit(7);
        }).run(s -> s.awaitLog("[init -> sub] child \"hello\" exited with exit value 7", SECOND));
    assertThat(run.log()).containsSubsequence("[init -> sub -> hello] Hello from below",
        "[init -> sub] child \"hello\" exited with exit value 7");
  }

  @Test
  void item65_labelsAreTheChainOfChildNamesAndTheSessionLabel() {
    ScenarioRun run = Scenario.of(config("""
          <start name="client" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        """)).with("client", env -> {
          try (var log = new Connection<>(env, LogSession.class, LogSession.SERVICE_NAME,
              SessionArgs.parse("label=\"extra\", ram_quota=8K, cap_quota=2"))) {
            log.session().write("labelled");
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          env.parentInterface().exit(0);
        }).run(s -> s.awaitLog("[init] child \"client\" exited with exit value 0", SECOND));
    assertThat(run.log()).contains("[init -> client -> extra] labelled");
  }

  @Test
  void item68_aChildsExitIsReportedWithItsExitValue() {
    ScenarioRun run = Scenario.of(config("""
          <start name="seven" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        """)).with("seven", env -> {
          env.log().log("exiting");
          env.parentInterface().exit(7);
        }).run(s -> s.awaitLog("[init] child \"seven\" exited with exit value 7", SECOND));
    assertThat(run.log()).containsSubsequence("[init -> seven] exiting",
        "[init] child \"seven\" exited with exit value 7");
  }

  @Test
  void item63_aRequestToAProvidedButUnannouncedServiceWaitsForTheAnnouncement() {
    // The client comes first and asks at once; the server announces only after a virtual 50 ms.
    ScenarioRun run = Scenario.of(config("""
          <start name="client" caps="8"> <resource name="RAM" quantum="64K"/> </start>
          <start name="server" caps="12"> <resource name="RAM" quantum="128K"/>
            <provides> <service name="Adder"/> </provides> </start>
        """)).with("client", Components.adderClient())
        .withWaiting("server", r -> env -> {
          while (!r.logContains("[init -> client] requesting Adder")) {
            r.sleep(Duration.ofMillis(1));
          }
          r.sleep(Duration.ofMillis(50));
          Components.adderServer("Adder").construct(env);
        })
        .run(s -> s.awaitLog("[init] child \"client\" exited with exit value 0", SECOND));
    assertThat(run.log()).containsSubsequence("[init -> client] requesting Adder",
        "[init -> server] announcing Adder", "[init -> client] 41 + 1 = 42",
        "[init] child \"client\" exited with exit value 0");
  }

  @Test
  void item64_anAnnouncementOfAServiceNotInProvidesIsRejected() {
    ScenarioRun run = Scenario.of(config("""
          <start name="server" caps="12"> <resource name="RAM" quantum="128K"/>
            <provides> <service name="Adder"/> </provides> </start>
          <start name="client" caps="8"> <resource name="RAM" quantum="64K"/>
            <route> <service name="Adder"> <child name="server"/> </service>
                    <any-service> <parent/> </any-service> </route> </start>
        """)).with("server", env -> {
          Components.adderServer("Sneaky").construct(env);
          Components.adderServer("Adder").construct(env);
        }).withWaiting("client", r -> env -> {
          while (!r.logContains("[init -> server] announced Adder")) {
            r.sleep(Duration.ofMillis(1));
          }
          Components.adderClient().construct(env);
        })
        .run(s -> s.awaitLog("[init] child \"client\" exited with exit value 0", SECOND));
    assertThat(run.log()).contains("[init] Warning: server: illegal announcement of service \"Sneaky\"",
        "[init -> client] 41 + 1 = 42");
  }

  @Test
  void item63_aRequestWaitingForAProviderThatExitsWithoutAnnouncingIsDenied() {
    // The server exits only once the client's request is waiting for its announcement.
    ScenarioRun run = Scenario.of(config("""
          <start name="client" caps="8"> <resource name="RAM" quantum="64K"/> </start>
          <start name="server" caps="8"> <resource name="RAM" quantum="64K"/>
            <provides> <service name="Adder"/> </provides> </start>
        """)).with("client", Components.adderClient())
        .withWaiting("server", r -> env -> {
          while (!r.logContains("[init -> client] requesting Adder")) {
            r.sleep(Duration.ofMillis(1));
          }
          r.sleep(Duration.ofMillis(50));
          env.parentInterface().exit(3);
        })
        .run(s -> s.awaitLog("[init] child \"client\" exited with exit value 1", SECOND));
    assertThat(run.log()).containsSubsequence("[init -> client] requesting Adder",
        "[init] child \"server\" exited with exit value 3",
        "[init] Warning: client: service \"Adder\" of \"server\" is gone without being announced",
        "[init -> client] no Adder: ServiceDenied",
        "[init] child \"client\" exited with exit value 1");
  }

  @Test
  void aRequestWithoutRouteIsDeniedAndTheChildLearnsIt() {
    ScenarioRun run = Scenario.of(config("""
          <start name="client" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        """)).with("client", Components.adderClient())
        .run(s -> s.awaitLog("[init] child \"client\" exited with exit value 1", SECOND));
    assertThat(run.log()).contains("[init -> client] no Adder: ServiceDenied");
  }

  @Test
  void aFaultyStartNodeIsReportedAndItsSiblingsRun() {
    ScenarioRun run = Scenario.of(config("""
          <start name="broken" caps="8"> <resource name="RAM" quantum="lots"/> </start>
          <start name="unknown" caps="8"> <resource name="RAM" quantum="64K"/> </start>
          <start name="fine" caps="8"> <resource name="RAM" quantum="64K"/> </start>
        """)).with("fine", env -> env.parentInterface().exit(0))
        .run(s -> s.awaitLog("[init] child \"fine\" exited with exit value 0", SECOND));
    assertThat(run.log()).anyMatch(l -> l.startsWith("[init] Error: <") && l.contains("lots"));
    assertThat(run.log()).contains("[init] Error: unknown: binary \"unknown\" is no known component");
  }
}
