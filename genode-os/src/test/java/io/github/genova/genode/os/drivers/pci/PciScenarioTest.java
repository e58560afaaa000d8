package io.github.genova.genode.os.drivers.pci;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.pci.InvalidConfigAccess;
import io.github.genova.genode.os.pci.PciConnection;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.PciSession;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.pci.PciTest;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.device.pci.PciAddress;
import io.github.genova.platform.device.pci.PciFunction;
import io.github.genova.platform.device.pci.PciHostBridge;
import io.github.genova.platform.pc.StandardPc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code pci_drv} under init on a standard PC, booted in deterministic mode: {@code test-pci} lists the
 * machine's PCI functions through the PCI session (checked against the machine model's own list), sessions
 * hold devices exclusively until they release them, a released device's capability is dead, a bad
 * configuration access is refused across the RPC, and a session whose RAM donation is too small is refused.
 */
@ExtendWith(ScenarioExtension.class)
class PciScenarioTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final String PROVIDES = """
      <parent-provides>
        <service name="LOG"/> <service name="PD"/> <service name="CPU"/> <service name="ROM"/>
        <service name="IO_PORT"/>
      </parent-provides>
      <default-route> <any-service> <parent/> </any-service> </default-route>
      <start name="pci_drv" caps="100">
        <resource name="RAM" quantum="1M"/>
        <provides> <service name="PCI"/> </provides>
      </start>
      """;

  private static String client(String name) {
    return """
        <start name="%s" caps="100">
          <resource name="RAM" quantum="1M"/>
          <route>
            <service name="PCI"> <child name="pci_drv"/> </service>
            <any-service> <parent/> </any-service>
          </route>
        </start>
        """.formatted(name);
  }

  private static Scenario scenario(String name, Component client) {
    return Scenario.of("<config>\n" + PROVIDES + client(name) + "</config>\n").with("pci_drv", new PciDriver())
        .with(name, client).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }

  /** What a client of the tests does; whatever it throws is logged as an error. */
  private interface Steps {
    void run(Env env) throws Exception;
  }

  /** Runs {@code steps} as the PCI client {@code name}, which logs {@code done} at its end, and waits for that. */
  private static ScenarioRun runClient(ScenarioExtension.Runner runner, String name, Steps steps) {
    Component client = env -> {
      try {
        steps.run(env);
      } catch (Exception e) {
        env.log().error(e.toString());
      }
      env.log().log("done");
    };
    return runner.run(scenario(name, client), s -> s.awaitLog("[init -> " + name + "] done", LIMIT));
  }

  /** The lines test-pci should log for the functions the machine model has on bus 0, in bus order. */
  private static List<String> modelDevices(PciHostBridge model) {
    List<String> lines = new ArrayList<>();
    for (int dev = 0; dev < 32; dev++) {
      for (int fn = 0; fn < 8; fn++) {
        PciFunction f = model.function(new PciAddress(0, dev, fn));
        if (f != null) {
          lines.add(String.format("[init -> test-pci] 00:%02x.%x %04x:%04x class %06x", dev, fn, f.vendor(),
              f.device(), f.read(0x09, 4) & 0xff_ffff));
        }
      }
    }
    return lines;
  }

  @Test
  void testPciListsTheStandardPcsFunctionsAsTheMachineModelHasThem(ScenarioExtension.Runner runner) {
    List<String> expected = new ArrayList<>();
    ScenarioRun run = runner.run(scenario("test-pci", new PciTest()), s -> {
      s.awaitLog("[init] child \"test-pci\" exited with exit value 0", LIMIT);
      expected.addAll(modelDevices(StandardPc.of(((NovaKernel) s.kernel()).machine()).pci()));
    });
    List<String> listed = run.log().stream().filter(l -> l.matches("\\[init -> test-pci] \\p{XDigit}{2}:.*"))
        .toList();
    assertThat(expected).hasSize(2);
    assertThat(listed).isEqualTo(expected);
    assertThat(run.log()).containsSubsequence("[init -> pci_drv] PCI: 2 functions on 1 bus",
        "[init -> test-pci] 00:00.0 8086:1237 class 060000",
        "[init -> test-pci] 00:02.0 1234:1111 class 030000",
        "[init -> test-pci]   BAR0 memory [0xe0000000, 0xe1000000) prefetchable",
        "[init -> test-pci] 2 devices");
  }

  @Test
  void aDeviceOneSessionHoldsIsSkippedByAnotherUntilReleased(ScenarioExtension.Runner runner) {
    ScenarioRun run = runClient(runner, "two", env -> {
      try (PciConnection a = new PciConnection(env); PciConnection b = new PciConnection(env)) {
        Capability<PciDevice> hostBridge = a.firstDevice();
        env.log().log("a first: " + PciTest.describe(a.device(hostBridge)));
        Capability<PciDevice> vga = b.firstDevice();
        env.log().log("b first: " + PciTest.describe(b.device(vga)));
        env.log().log("b next valid: " + b.nextDevice(vga).valid());
        env.log().log("a again: " + PciTest.describe(a.device(a.firstDevice())));
        a.releaseDevice(hostBridge);
        env.log().log("b first after release: " + PciTest.describe(b.device(b.firstDevice())));
        env.log().log("a first after b took all: " + a.firstDevice().valid());
      }
    });
    assertThat(run.log()).containsSubsequence(
        "[init -> two] a first: 00:00.0 8086:1237 class 060000",
        "[init -> two] b first: 00:02.0 1234:1111 class 030000",
        "[init -> two] b next valid: false",
        "[init -> two] a again: 00:00.0 8086:1237 class 060000",
        "[init -> two] b first after release: 00:00.0 8086:1237 class 060000",
        "[init -> two] a first after b took all: false",
        "[init -> two] done");
  }

  @Test
  void closingASessionReleasesItsDevicesAndAReleasedCapabilityIsDead(ScenarioExtension.Runner runner) {
    ScenarioRun run = runClient(runner, "closer", env -> {
      PciConnection first = new PciConnection(env);
      Capability<PciDevice> hostBridge = first.firstDevice();
      PciDevice held = first.device(hostBridge);
      first.releaseDevice(hostBridge);
      try {
        held.vendorId();
        env.log().error("a released device still answers");
      } catch (IpcError e) {
        env.log().log("released device: " + e.getClass().getSimpleName());
      }
      Capability<PciDevice> again = first.firstDevice();
      env.log().log("first again valid: " + again.valid());
      first.close();
      try (PciConnection second = new PciConnection(env)) {
        env.log().log("second first: " + PciTest.describe(second.device(second.firstDevice())));
      }
    });
    assertThat(run.log()).containsSubsequence("[init -> closer] released device: IpcError",
        "[init -> closer] first again valid: true",
        "[init -> closer] second first: 00:00.0 8086:1237 class 060000", "[init -> closer] done");
  }

  @Test
  void aBadConfigurationAccessIsRefusedAcrossTheRpcAndTheDriverNamesIt(ScenarioExtension.Runner runner) {
    ScenarioRun run = runClient(runner, "prober", env -> {
      try (PciConnection pci = new PciConnection(env)) {
        PciDevice bridge = pci.device(pci.firstDevice());
        env.log().log("vendor dword: " + Integer.toHexString(bridge.configRead(0x00, 4)));
        for (int[] access : new int[][] {{0x100, 1}, {0x00, 3}, {0x01, 2}}) {
          try {
            bridge.configRead(access[0], access[1]);
            env.log().error("accepted");
          } catch (InvalidConfigAccess e) {
            env.log().log("refused: " + e.getMessage());
          }
        }
      }
    });
    String refused = "[init -> prober] refused: " + new InvalidConfigAccess().getMessage();
    assertThat(run.log()).containsSubsequence("[init -> prober] vendor dword: 12378086", refused, refused, refused);
    assertThat(run.log()).contains("[init -> pci_drv] Warning: 00:00.0: PCI configuration register 0x100 (size 1)"
        + " lies beyond the 256-byte configuration space 0x00-0xff");
  }

  @Test
  void aSessionDonatingLessRamThanItCostsIsRefused(ScenarioExtension.Runner runner) {
    ScenarioRun run = runClient(runner, "stingy", env -> {
      try (Connection<PciSession> c = new Connection<>(env, PciSession.class, PciSession.SERVICE_NAME,
          SessionArgs.empty().with("ram_quota", PciRoot.SESSION_RAM.value() - 1).with("cap_quota", 2))) {
        env.log().error("accepted " + c.cap());
      } catch (Exception e) {
        env.log().log("refused: " + e.getClass().getSimpleName());
      }
    });
    assertThat(run.log()).contains("[init -> stingy] refused: InsufficientRamQuota");
  }
}
