package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.log.LogRoot;
import io.github.genova.genode.base.core.pd.PdRoot;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.log.LogSession;
import io.github.genova.genode.base.parent.Parent;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Core booting from a module list and starting init: checklist items 39, 40, 50. */
class CoreTest {
  private static final Map<String, byte[]> FILES =
      Map.of("config", "<config/>".getBytes(StandardCharsets.UTF_8));

  @Test
  void coreBootsInitFromTheModuleListAndInitLogsThroughItsLogSession() {
    CoreScenario s = new CoreScenario();
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> {
      try (var log = new Connection<>(env, LogSession.class, LogSession.SERVICE_NAME,
          SessionArgs.parse("ram_quota=8K, cap_quota=2"))) {
        log.session().write("Hello from init");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.log().log("and through the environment's log");
      env.parentInterface().exit(0);
    });
    s.run(CoreScenario.MENU, FILES, components, core -> s.awaitLine("child \"init\" exited with exit value 0"));

    assertThat(s.console).contains("[init] Hello from init", "[init] and through the environment's log");
    assertThat(s.console.getFirst()).isEqualTo("Genode on Genova: /hypervisor iommu serial");
  }

  @Test
  void item40_coreStartsExactlyOneChildInitWithAllRemainingQuotaMinusItsReserve() {
    CoreScenario s = new CoreScenario();
    AtomicReference<String> seen = new AtomicReference<>();
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> env.parentInterface().exit(0));
    s.run(CoreScenario.MENU, FILES, components, core -> {
      s.awaitLine("child \"init\" exited with exit value 0");
      long initRam = core.init().orElseThrow().accounts().ram().limit().value();
      long coreAvail = core.accounts().ram().avail().value();
      Capability<Object> pd = core.init().orElseThrow().initialSession(Parent.ENV_PD);
      long pdBudget = RpcInterface.of(PdSession.class).client(java.util.Objects.requireNonNull(pd).<PdSession>cast())
          .ramQuota();
      seen.set(initRam + " " + coreAvail + " " + core.accounts().caps().avail().value() + " " + pdBudget);
    });

    String[] v = seen.get().split(" ", 4);
    // Core keeps its reserve plus what init's initial LOG session donated (8K, 2 caps) beyond its cost.
    assertThat(Long.parseLong(v[1])).isEqualTo(Core.RAM_RESERVE.value() + 8192 - LogRoot.SESSION_RAM.value());
    assertThat(Long.parseLong(v[2])).isEqualTo(Core.CAP_RESERVE.value() + 2 - LogRoot.SESSION_CAPS.value());
    // What init was assigned: what its account still holds plus what its initial sessions donated.
    long initial = Session.Resources.from(SessionArgs.parse(Core.ENV_LOG_ARGS)).ramQuota().value()
        + Long.parseLong(v[3]) + PdRoot.SESSION_RAM.value();
    long mib = (Long.parseLong(v[0]) + initial) >> 20;
    assertThat(s.console).contains(mib + " MiB RAM and " + (65536 - Core.CAP_RESERVE.value()) + " caps assigned to init");
    assertThat(s.console.stream().filter(l -> l.contains("assigned to")).count()).isEqualTo(1);
  }

  @Test
  void item40_withoutAnInitModuleCoreSaysSo() {
    CoreScenario s = new CoreScenario();
    String menu = """
        kernel /hypervisor
        module /genode/core
        module /genode/config
        """;
    s.run(menu, FILES, ComponentRegistry.of(List.of()), core -> assertThat(core.init()).isEmpty());
    assertThat(s.console).contains("Error: ROM module \"init\" not present");
  }

  @Test
  void item39_eachBootModuleIsARomNamedAfterItAndUnknownNamesAreDenied() {
    CoreScenario s = new CoreScenario();
    AtomicReference<String> result = new AtomicReference<>("");
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> {
      try (var rom = new Connection<>(env, RomSession.class, RomSession.SERVICE_NAME,
          SessionArgs.parse("label=\"config\", ram_quota=6K, cap_quota=3"))) {
        long size = rom.session().contentSize();
        result.set("config " + size + " ds " + rom.session().dataspace().valid());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      try (var config = new AttachedRomDataspace(env, "config")) {
        result.set(result.get() + " content " + config.text());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      try (var rom = new Connection<>(env, RomSession.class, RomSession.SERVICE_NAME,
          SessionArgs.parse("label=\"nonexistent\", ram_quota=6K, cap_quota=3"))) {
        result.set(result.get() + "; opened nonexistent " + rom.cap());
      } catch (ServiceDenied e) {
        result.set(result.get() + "; nonexistent denied");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.parentInterface().exit(0);
    });
    s.run(CoreScenario.MENU, FILES, components, core -> s.awaitLine("child \"init\" exited with exit value 0"));

    assertThat(result.get()).isEqualTo("config 9 ds true content <config/>; nonexistent denied");
    assertThat(s.console).contains("Warning: ROM module \"nonexistent\" not present");
  }

  @Test
  void item50_logLinesAppearAsLabelChainAndTextWithTheNewlineAddedIfMissing() {
    CoreScenario s = new CoreScenario();
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> {
      try (var log = new Connection<>(env, LogSession.class, LogSession.SERVICE_NAME,
          SessionArgs.parse("label=\"server\", ram_quota=8K, cap_quota=2"))) {
        log.session().write("with newline\n");
        log.session().write("without newline");
        log.session().write("two\nlines");
        env.log().log("x".repeat(300) + "\u00e9".repeat(10));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      env.parentInterface().exit(0);
    });
    s.run(CoreScenario.MENU, FILES, components, core -> s.awaitLine("child \"init\" exited with exit value 0"));

    assertThat(s.console).containsSubsequence("[init -> server] with newline", "[init -> server] without newline",
        "[init -> server] two", "[init -> server] lines");
    // The environment's log splits a line longer than a LOG call carries (255 bytes) between characters.
    assertThat(s.console).containsSubsequence("[init] " + "x".repeat(255), "[init] " + "x".repeat(45) + "\u00e9".repeat(10));
  }

  @Test
  void malformedMenuEntriesNameTheLine() {
    assertThatThrownBy(() -> BootImage.parse("kernel /hypervisor\nmodule /genode/core\nfoo bar", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("line 3");
    assertThatThrownBy(() -> BootImage.parse("module /genode/core", Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no kernel line");
  }

  @Test
  void twoSessionsOfOneRomModuleShareItAndClosingOneLeavesTheOtherReadable() {
    CoreScenario s = new CoreScenario();
    ComponentRegistry components = ComponentRegistry.of(List.of()).with("init", env -> {
      try (AttachedRomDataspace first = new AttachedRomDataspace(env, "config")) {
        try (AttachedRomDataspace second = new AttachedRomDataspace(env, "config")) {
          env.log().log("second reads " + second.text());
        }
        env.log().log("first still reads " + first.text());
      } catch (Exception e) {
        env.log().log("failed: " + e);
      }
      env.parentInterface().exit(0);
    });
    s.run(CoreScenario.MENU, FILES, components, core -> s.awaitLine("child \"init\" exited with exit value 0"));
    assertThat(s.console).contains("[init] second reads <config/>", "[init] first still reads <config/>")
        .noneMatch(l -> l.contains("Warning") || l.contains("failed"));
  }
}
