package io.github.genova.genode.os.drivers.vesa;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.os.drivers.pci.PciDriver;
import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioFile;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.genode.os.test.framebuffer.FramebufferTest;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.Machine;
import io.github.genova.platform.device.vga.FramebufferImage;
import io.github.genova.platform.pc.StandardPc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code vesa_drv} under init on a standard PC, with the VGA device from {@code pci_drv}'s PCI session: it runs Genova's VGA option ROM in its own interpreter, sets
 * the mode through VBE (the Bochs DISPI registers show it), and serves the linear framebuffer to a client
 * whose pixels appear on the machine's display. A mode the BIOS does not offer, or a depth other than 16,
 * ends the driver with an error naming the mode, and init keeps the others.
 */
@ExtendWith(ScenarioExtension.class)
class VesaScenarioTest {
  private static final Duration VIRTUAL_LIMIT = Duration.ofSeconds(30);
  private static final String PROVIDES = """
      <parent-provides>
        <service name="LOG"/> <service name="PD"/> <service name="CPU"/> <service name="ROM"/>
        <service name="IO_PORT"/> <service name="IO_MEM"/>
      </parent-provides>
      <default-route> <any-service> <parent/> </any-service> </default-route>
      """;
  private static final String PCI = """
      <start name="pci_drv" caps="100">
        <resource name="RAM" quantum="1M"/>
        <provides> <service name="PCI"/> </provides>
      </start>
      """;
  private static final String VESA = """
      <start name="vesa_drv" caps="100">
        <resource name="RAM" quantum="4M"/>
        <provides> <service name="Framebuffer"/> </provides>
        <route>
          <service name="PCI"> <child name="pci_drv"/> </service>
          <any-service> <parent/> </any-service>
        </route>
        <!-- config -->
      </start>
      """;
  private static final String VESA_WITHOUT_PCI = """
      <start name="vesa_drv" caps="100">
        <resource name="RAM" quantum="4M"/>
        <provides> <service name="Framebuffer"/> </provides>
      </start>
      """;
  private static final String CLIENT = """
      <start name="test-framebuffer" caps="100">
        <resource name="RAM" quantum="1M"/>
        <route>
          <service name="Framebuffer"> <child name="vesa_drv"/> </service>
          <any-service> <parent/> </any-service>
        </route>
      </start>
      """;
  private static final String BYSTANDER = """
      <start name="bystander" caps="50"> <resource name="RAM" quantum="1M"/> </start>
      """;
  private static final String CLIENT_DONE = "[init -> test-framebuffer] pattern drawn";
  private static int argb(int rgb565) {
    return switch (rgb565) {
      case FramebufferTest.WHITE -> 0xffff_ffff;
      case FramebufferTest.RED -> 0xffff_0000;
      case FramebufferTest.GREEN -> 0xff00_ff00;
      default -> 0xff00_00ff;
    };
  }

  private static Scenario scenario(String vesaConfig, String... others) {
    return scenarioOf(PCI + VESA.replace("<!-- config -->", vesaConfig) + String.join("", others));
  }

  private static Scenario scenarioOf(String starts) {
    return Scenario.of("<config>\n" + PROVIDES + starts + "</config>\n").with("pci_drv", new PciDriver())
        .with("vesa_drv", new VesaDriver()).with("test-framebuffer", new FramebufferTest())
        .with("bystander", env -> env.log().log("still here"))
        .onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }

  private static Machine machine(ScenarioRun run) {
    return ((NovaKernel) run.kernel()).machine();
  }

  private static int dispi(Machine machine, int index) {
    machine.ports().out(0x1ce, 2, index);
    return machine.ports().in(0x1cf, 2);
  }

  @Test
  void item72_vesaDrvDefaultsTo1024x768Rgb565AndTheClientsPixelsReachTheScreen(ScenarioExtension.Runner runner) {
    FramebufferImage[] shown = new FramebufferImage[1];
    ScenarioRun run = runner.run(scenario("", CLIENT), s -> {
      s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT);
      shown[0] = StandardPc.of(machine(s)).vga().snapshot();
    });
    assertThat(run.log()).contains("[init -> vesa_drv] PCI 00:02.0 1234:1111 VGA, BAR0 0xe0000000",
        "[init -> vesa_drv] using video mode: 1024x768x16 (VBE mode 0x117) framebuffer"
        + " at 0xe0000000", "[init -> test-framebuffer] mode 1024x768 " + PixelFormat.RGB565, CLIENT_DONE);
    FramebufferImage image = shown[0];
    assertThat(image.width()).isEqualTo(1024);
    assertThat(image.height()).isEqualTo(768);
    for (int[] p : new int[][] {{0, 0}, {5, 0}, {70, 3}, {130, 700}, {1023, 767}, {500, 500}, {200, 100}}) {
      assertThat(image.pixel(p[0], p[1])).as("pixel (%d, %d)", p[0], p[1])
          .isEqualTo(argb(FramebufferTest.pattern(p[0], p[1])));
    }
  }

  @Test
  void withoutAPciRouteTheModeIsStillSetAndTheLogSaysSo(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenarioOf(VESA_WITHOUT_PCI + CLIENT), s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT));
    assertThat(run.log()).anyMatch(l -> l.startsWith("[init -> vesa_drv] no PCI service (ServiceDenied")
        && l.endsWith("the video BIOS sees no PCI devices and the framebuffer is not checked against the VGA's BAR0"));
    assertThat(run.log()).contains("[init -> vesa_drv] using video mode: 1024x768x16 (VBE mode 0x117) framebuffer"
        + " at 0xe0000000", "[init -> test-framebuffer] mode 1024x768 " + PixelFormat.RGB565);
    assertThat(run.log()).noneMatch(l -> l.startsWith("[init -> vesa_drv] PCI "));
  }

  @Test
  void theFramebufferScenarioFileRoutesVesaDrvsPciToPciDrv(ScenarioExtension.Runner runner) {
    Scenario file = ScenarioFile.onStandardPc(ScenarioFile.config(Path.of("../examples/scenarios/framebuffer.xml")));
    ScenarioRun run = runner.run(file, s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT));
    assertThat(run.log()).containsSubsequence("[init -> pci_drv] PCI: 2 functions on 1 bus",
        "[init -> vesa_drv] PCI 00:02.0 1234:1111 VGA, BAR0 0xe0000000",
        "[init -> vesa_drv] using video mode: 1024x768x16 (VBE mode 0x117) framebuffer at 0xe0000000");
    assertThat(run.log()).noneMatch(l -> l.contains("no PCI service"));
  }

  @Test
  void item73_theModeIsSetThroughVbeWithTheLinearFramebufferInTheDispiRegisters(ScenarioExtension.Runner runner) {
    int[] regs = new int[5];
    runner.run(scenario("", CLIENT), s -> {
      s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT);
      Machine m = machine(s);
      for (int i = 0; i < regs.length; i++) {
        regs[i] = dispi(m, i);
      }
    });
    assertThat(regs[0]).as("DISPI ID (the ROM's init probed and set it)").isEqualTo(0xb0c5);
    assertThat(regs[1]).as("XRES").isEqualTo(1024);
    assertThat(regs[2]).as("YRES").isEqualTo(768);
    assertThat(regs[3]).as("BPP").isEqualTo(16);
    assertThat(regs[4] & 0x41).as("ENABLED | LFB_ENABLED").isEqualTo(0x41);
  }

  @Test
  void twoRunsGiveTheSameLogLineForLine(ScenarioExtension.Runner runner) {
    List<String> first = runner.run(scenario("", CLIENT), s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT)).log();
    List<String> second = runner.run(scenario("", CLIENT), s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT)).log();
    assertThat(first).contains(CLIENT_DONE);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aConfiguredModeIsSet(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario("<config width=\"800\" height=\"600\" depth=\"16\"/>", CLIENT),
        s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT));
    assertThat(run.log()).contains("[init -> test-framebuffer] mode 800x600 RGB565");
  }

  @Test
  void anUnsupportedModeEndsTheDriverNamingTheModeAndInitKeepsTheOthers(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario("<config width=\"1000\" height=\"700\" depth=\"16\"/>", BYSTANDER), s -> {
      s.awaitLog("[init] child \"vesa_drv\" exited with exit value 1", VIRTUAL_LIMIT);
      s.awaitLog("[init -> bystander] still here", VIRTUAL_LIMIT);
    });
    assertThat(run.log()).anyMatch(l -> l.startsWith("[init -> vesa_drv] Error: mode 1000x700x16 is not supported:"));
  }

  @Test
  void aDepthOtherThan16IsRefusedBeforeAnyDeviceIsTouched(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario("<config depth=\"32\"/>", BYSTANDER), s -> {
      s.awaitLog("[init] child \"vesa_drv\" exited with exit value 1", VIRTUAL_LIMIT);
      s.awaitLog("[init -> bystander] still here", VIRTUAL_LIMIT);
    });
    List<String> log = run.log();
    assertThat(log).contains("[init -> vesa_drv] Error: mode 1024x768x32 is not supported: vesa_drv serves RGB565"
        + " (depth 16) only");
    assertThat(log).noneMatch(l -> l.contains("IO_MEM"));
  }

  /**
   * The standard PC was POSTed: the HIP reserves page 0 and the option ROM area, so core grants both and the
   * driver runs the video BIOS the system BIOS initialised (the VGA window, which no host memory backs
   * directly, stays the driver's scratch RAM).
   */
  @Test
  void coreGrantsTheBiosDataPageAndTheOptionRomAsIoMem(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario("", CLIENT), s -> s.awaitLog(CLIENT_DONE, VIRTUAL_LIMIT));
    assertThat(run.log()).contains(CLIENT_DONE)
        .noneMatch(l -> l.contains("vector table and BIOS data") || l.contains("option ROM"));
  }
}
