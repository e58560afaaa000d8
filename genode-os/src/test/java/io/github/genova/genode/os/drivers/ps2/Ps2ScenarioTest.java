package io.github.genova.genode.os.drivers.ps2;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.input.InputConnection;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.input.server.InputRoot;
import io.github.genova.genode.os.scenario.Scenario;
import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.device.ps2.I8042;
import io.github.genova.platform.device.ps2.Key;
import io.github.genova.platform.device.ps2.MouseButton;
import io.github.genova.platform.pc.StandardPc;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code ps2_drv} under init on a standard PC: it gets ports 0x60/0x64 and IRQs 1 and 12 from core through
 * init, brings up the machine's i8042, keyboard and mouse, and serves a client that polls its Input session
 * and logs what each flush returned; the test plays the user at the machine's keyboard and mouse. In
 * virtual time, so the polling costs no real time.
 */
@ExtendWith(ScenarioExtension.class)
class Ps2ScenarioTest {
  private static final String PROVIDES = """
        <parent-provides>
          <service name="LOG"/> <service name="PD"/> <service name="CPU"/> <service name="ROM"/>
          <service name="IO_PORT"/> <service name="IRQ"/>
        </parent-provides>
        <default-route> <any-service> <parent/> </any-service> </default-route>
      """;
  private static final String PS2_DRV = """
        <start name="ps2_drv" caps="100">
          <resource name="RAM" quantum="1M"/>
          <provides> <service name="Input"/> </provides>
        </start>
      """;
  /** The client, routed to the driver; {@code %s} takes further routes. */
  private static final String TEST_INPUT = """
        <start name="test-input" caps="100">
          <resource name="RAM" quantum="1M"/>
          <route>
            <service name="Input"> <child name="ps2_drv"/> </service>%s
            <any-service> <parent/> </any-service>
          </route>
        </start>
      """;
  private static final String TIMER = """
        <start name="timer" caps="100">
          <resource name="RAM" quantum="1M"/>
          <provides> <service name="Timer"/> </provides>
        </start>
      """;
  private static final String CLIENT = "[init -> test-input] ";
  private static final String DRIVER = "[init -> ps2_drv] ";
  private static final Duration LIMIT = Duration.ofSeconds(5);
  /** How often the client looks for events. */
  private static final Duration POLL = Duration.ofMillis(10);
  /** How long the client lets a burst of events arrive before it flushes. */
  private static final Duration SETTLE = Duration.ofMillis(20);

  /**
   * The client: opens an Input session, says {@code ready}, and whenever events are pending lets the burst
   * settle, flushes, and logs the count, each event, whether events are still pending and what a second
   * flush returns.
   */
  private static Component client(ScenarioRun run) {
    return env -> {
      InputConnection input;
      try {
        input = new InputConnection(env);
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        env.log().error("no Input session: " + e);
        env.parentInterface().exit(1);
        return;
      }
      env.log().log("ready");
      while (true) {
        run.sleep(POLL);
        if (!input.isPending()) {
          continue;
        }
        run.sleep(SETTLE);
        List<InputEvent> events = input.flush();
        env.log().log("flushed " + events.size() + " events");
        events.forEach(e -> env.log().log(e.toString()));
        env.log().log("pending after flush: " + input.isPending());
        env.log().log("flush again: " + input.flush().size() + " events");
      }
    };
  }

  private static String config(String... starts) {
    return "<config>\n" + PROVIDES + String.join("", starts) + "</config>\n";
  }

  private static Scenario scenario() {
    return Scenario.of(config(PS2_DRV, TEST_INPUT.formatted(""))).with("ps2_drv", new Ps2Driver())
        .withWaiting("test-input", Ps2ScenarioTest::client).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
  }

  private static I8042 keyboardController(ScenarioRun run) {
    return StandardPc.of(((NovaKernel) run.kernel()).machine()).keyboardController();
  }

  @Test
  void item71_flushReturnsTheNumberOfEventsCopiedAndEmptiesTheQueue(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario(), s -> {
      s.awaitLog(CLIENT + "ready", LIMIT);
      I8042 kbc = keyboardController(s);
      kbc.keyboard().press(Key.A);
      kbc.keyboard().release(Key.A);
      kbc.keyboard().press(Key.ENTER);
      s.awaitLog(CLIENT + "flush again: 0 events", LIMIT);
    });
    assertThat(run.log()).containsSubsequence(CLIENT + "flushed 3 events", CLIENT + "PRESS key 30",
        CLIENT + "RELEASE key 30", CLIENT + "PRESS key 28", CLIENT + "pending after flush: false",
        CLIENT + "flush again: 0 events");
  }

  @Test
  void item75_keysAndMouseReachTheClientThroughIrq1AndIrq12(ScenarioExtension.Runner runner) {
    ScenarioRun run = runner.run(scenario(), s -> {
      s.awaitLog(CLIENT + "ready", LIMIT);
      I8042 kbc = keyboardController(s);
      kbc.keyboard().press(Key.LEFT_SHIFT);
      kbc.keyboard().press(Key.UP);
      kbc.keyboard().release(Key.UP);
      kbc.keyboard().release(Key.LEFT_SHIFT);
      s.awaitLog(CLIENT + "flushed 4 events", LIMIT);
      kbc.mouse().move(5, -3);
      kbc.mouse().button(MouseButton.LEFT, true);
      kbc.mouse().button(MouseButton.LEFT, false);
      s.awaitLog(CLIENT + "flushed 3 events", LIMIT);
    });
    List<String> log = run.log();
    assertThat(log).containsSubsequence(DRIVER + "keyboard: scan code set 1 (translated)",
        DRIVER + "mouse: IntelliMouse with wheel", CLIENT + "ready",
        CLIENT + "flushed 4 events", CLIENT + "PRESS key 42", CLIENT + "PRESS key 103", CLIENT + "RELEASE key 103",
        CLIENT + "RELEASE key 42",
        CLIENT + "flushed 3 events", CLIENT + "MOTION rel 5,-3", CLIENT + "PRESS key 272", CLIENT + "RELEASE key 272");
    assertThat(log).noneMatch(l -> l.contains("Error") || l.contains("Warning"));
  }

  @Test
  void genodesInputTestLogsTypedKeysAndTheWheelNumberedInOrder(ScenarioExtension.Runner runner) {
    String routeToTimer = "\n<service name=\"Timer\"> <child name=\"timer\"/> </service>";
    Scenario scenario = Scenario.of(config(TIMER, PS2_DRV, TEST_INPUT.formatted(routeToTimer)))
        .withAll(ComponentRegistry.loaded()).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
    ScenarioRun run = runner.run(scenario, s -> {
      s.awaitLog(DRIVER + "mouse: IntelliMouse with wheel", LIMIT);
      s.awaitLog(CLIENT + "--- Input test ---", LIMIT);
      s.sleep(Duration.ofMillis(100)); // the test's sessions are open by now
      I8042 kbc = keyboardController(s);
      for (Key k : List.of(Key.H, Key.I)) {
        kbc.keyboard().press(k);
        kbc.keyboard().release(k);
      }
      kbc.mouse().scroll(1);
      s.awaitLog(CLIENT + "Input event #5\tWHEEL 1", LIMIT);
    });
    assertThat(run.log()).filteredOn(l -> l.startsWith(CLIENT)).containsExactly(CLIENT + "--- Input test ---",
        CLIENT + "Input event #1\tPRESS key 35", CLIENT + "Input event #2\tRELEASE key 35",
        CLIENT + "Input event #3\tPRESS key 23", CLIENT + "Input event #4\tRELEASE key 23",
        CLIENT + "Input event #5\tWHEEL 1");
  }

  /**
   * A client that asks for Input sessions with a donation short of {@link InputRoot#SESSION_RAM} or {@link
   * InputRoot#SESSION_CAPS} by one, then opens and closes more sessions, one at a time, than the driver's RAM
   * could hold event dataspaces for if closing did not free them.
   */
  private static Component shortDonationsThenManySessions(int sessions) {
    return env -> {
      long ram = InputRoot.SESSION_RAM.value();
      long caps = InputRoot.SESSION_CAPS.value();
      for (String args : List.of("ram_quota=" + (ram - 1) + ", cap_quota=" + caps,
          "ram_quota=" + ram + ", cap_quota=" + (caps - 1), "ram_quota=" + ram + ", cap_quota=" + caps)) {
        try (var c = new Connection<>(env, InputSession.class, InputSession.SERVICE_NAME, SessionArgs.parse(args))) {
          env.log().log(args + ": session, pending " + c.session().isPending());
        } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
          env.log().log(args + ": " + e.getClass().getSimpleName());
        }
      }
      for (int i = 0; i < sessions; i++) {
        try (InputConnection input = new InputConnection(env)) {
          input.isPending();
        } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
          env.log().error("session " + i + " refused: " + e);
          env.parentInterface().exit(1);
          return;
        }
      }
      env.log().log("opened and closed " + sessions + " sessions");
      env.parentInterface().exit(0);
    };
  }

  @Test
  void item53_aDonationShortOfTheSessionsNeedsIsRefusedAndClosedSessionsGiveTheirDataspaceBack(
      ScenarioExtension.Runner runner) {
    // The driver's 1 MiB holds fewer than 90 event dataspaces: 120 sessions only fit if each close frees its own.
    int sessions = 120;
    assertThat(sessions * InputSession.DATASPACE_SIZE).isGreaterThan(1L << 20);
    Scenario scenario = Scenario.of(config(PS2_DRV, TEST_INPUT.formatted(""))).with("ps2_drv", new Ps2Driver())
        .with("test-input", shortDonationsThenManySessions(sessions)).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
    ScenarioRun run = runner.run(scenario,
        s -> s.awaitLog("[init] child \"test-input\" exited with exit value 0", LIMIT));
    long ram = InputRoot.SESSION_RAM.value();
    long caps = InputRoot.SESSION_CAPS.value();
    String refused = "[init -> ps2_drv] Error: InputSession refused: insufficient ";
    assertThat(run.log()).containsSubsequence(
        refused + "RAM quota: donated " + (ram - 1) + " bytes, session needs " + ram,
        CLIENT + "ram_quota=" + (ram - 1) + ", cap_quota=" + caps + ": InsufficientRamQuota",
        refused + "cap quota: donated " + (caps - 1) + " caps, session needs " + caps,
        CLIENT + "ram_quota=" + ram + ", cap_quota=" + (caps - 1) + ": InsufficientCapQuota",
        CLIENT + "ram_quota=" + ram + ", cap_quota=" + caps + ": session, pending false",
        CLIENT + "opened and closed " + sessions + " sessions");
    assertThat(run.log()).as("nothing but the two refusals went wrong")
        .noneMatch(l -> (l.contains("Error") || l.contains("Warning")) && !l.startsWith(refused));
  }

  @Test
  void aSecondDriverForTheTakenPortsIsRefusedClearlyAndTheFirstServesOn(ScenarioExtension.Runner runner) {
    String second = """
        <start name="ps2_drv2" caps="100"> <binary name="ps2_drv"/> <resource name="RAM" quantum="1M"/> </start>
        """;
    Scenario scenario = Scenario.of(config(PS2_DRV, second, TEST_INPUT.formatted(""))).with("ps2_drv", new Ps2Driver())
        .withWaiting("test-input", Ps2ScenarioTest::client).onPlatform(KernelConfig.PLATFORM_STANDARD_PC);
    ScenarioRun run = runner.run(scenario, s -> {
      s.awaitLog("[init] child \"ps2_drv2\" exited with exit value 1", LIMIT);
      s.awaitLog(CLIENT + "ready", LIMIT);
      keyboardController(s).keyboard().press(Key.ESCAPE);
      s.awaitLog(CLIENT + "PRESS key 1", LIMIT);
    });
    assertThat(run.log()).anyMatch(
        l -> l.startsWith("[init -> ps2_drv2] Error: I/O port 0x60 of the i8042 refused: ServiceDenied"));
  }

  @Test
  void twoRunsWithTheSameInputGiveTheSameLogLineForLine(ScenarioExtension.Runner runner) {
    Consumer<ScenarioRun> typeAndClick = s -> {
      s.awaitLog(CLIENT + "ready", LIMIT);
      I8042 kbc = keyboardController(s);
      kbc.keyboard().press(Key.Q);
      kbc.mouse().move(-7, 9);
      kbc.mouse().button(MouseButton.RIGHT, true);
      kbc.keyboard().release(Key.Q);
      s.awaitLog(CLIENT + "RELEASE key 16", LIMIT);
    };
    List<String> first = runner.run(scenario(), typeAndClick).log();
    List<String> second = runner.run(scenario(), typeAndClick).log();
    assertThat(first).contains(CLIENT + "MOTION rel -7,9", CLIENT + "PRESS key 273");
    assertThat(second).isEqualTo(first);
  }
}
