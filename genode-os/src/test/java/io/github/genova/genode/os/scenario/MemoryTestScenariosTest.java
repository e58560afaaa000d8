package io.github.genova.genode.os.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.env.ComponentRegistry;
import io.github.genova.genode.os.test.dsownership.DsOwnershipTest;
import io.github.genova.genode.os.test.rmfault.RmFaultTest;
import io.github.genova.genode.os.test.subrm.SubRmTest;
import java.time.Duration;
import java.util.List;
import io.github.genova.genode.os.scenario.junit.ScenarioExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Genode's memory base tests as scenarios, each a child of init that must log its lines in order and exit
 * with 0: {@code test-rm_fault} (faults of a child's address space resolved by hand, a ROM the child cannot
 * modify), {@code test-sub_rm} (a hand-populated region map seen through a managed dataspace) and {@code
 * test-ds_ownership} (a dataspace freed through a foreign PD session survives). The binaries come from the
 * registered component factories, as a boot image would name them. Each run's wall time is printed, never
 * asserted.
 */
@ExtendWith(ScenarioExtension.class)
class MemoryTestScenariosTest {
  private static final Duration VIRTUAL_TIMEOUT = Duration.ofSeconds(10);

  private static ScenarioRun runAlone(ScenarioExtension.Runner runner, String name, String services, String ram,
      int caps) {
    String config = """
        <config>
          <parent-provides> %s </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="%s" caps="%d"> <resource name="RAM" quantum="%s"/> </start>
        </config>
        """.formatted(services, name, caps, ram);
    long start = System.nanoTime();
    ScenarioRun run = runner.run(Scenario.of(config).withAll(ComponentRegistry.loaded()),
        s -> s.awaitLog("[init] child \"" + name + "\" exited with exit value 0", VIRTUAL_TIMEOUT));
    System.out.printf("%s: %d ms wall time, %d ms virtual time%n", name, (System.nanoTime() - start) / 1_000_000,
        run.virtualTime().toMillis());
    return run;
  }

  private static String services(String... names) {
    StringBuilder b = new StringBuilder();
    for (String n : names) {
      b.append("<service name=\"").append(n).append("\"/> ");
    }
    return b.toString().trim();
  }

  @Test
  void rmFaultTheParentResolvesItsChildsFaultsByHandAndTheChildCannotModifyTheRom(
      ScenarioExtension.Runner runner) {
    ScenarioRun run = runAlone(runner, RmFaultTest.BINARY, services("ROM", "CPU", "RM", "PD", "LOG"), "1M", 60);
    String p = "[init -> test-rm_fault] ";
    String c = "[init -> test-rm_fault -> rmchild] ";
    String read = p + "received region-manager fault signal, request fault state";
    List<String> readRound = List.of(read, p + "rm session state is READ_FAULT, pf_addr=0x18000000",
        p + "attach dataspace to the child at 0x18000000",
        p + "child modified dataspace content, new value is 0x12346", p + "revoke dataspace from child");
    assertThat(run.log()).containsSubsequence(p + "--- region-manager fault test ---",
        c + "--- region-manager fault test ---", c + "child role started",
        c + "perform read operation at 0x18000000", c + "read value 0x12345",
        c + "modify memory at 0x18000000 from 0x12345 to 0x12346");
    List<String> expected = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      expected.addAll(readRound);
    }
    expected.addAll(List.of(read, p + "rm session state is READ_FAULT, pf_addr=0x18000000",
        p + "test WRITE faults on read-only binary and read-only attached RAM",
        read, p + "rm session state is WRITE_FAULT, pf_addr=0x18000000",
        p + "got write fault on 0x18000000 ROM (binary)",
        read, p + "rm session state is WRITE_FAULT, pf_addr=0x18000000",
        p + "got write fault on 0x18000000 read-only attached RAM",
        c + "--- child role of region-manager fault test finished ---",
        p + "--- parent role of region-manager fault test finished ---",
        "[init] child \"test-rm_fault\" exited with exit value 0"));
    assertThat(run.log()).containsSubsequence(expected);
    assertThat(run.log()).filteredOn(l -> l.startsWith(c + "modify memory at")).hasSize(4);
    assertThat(run.log()).noneMatch(l -> l.contains("could modify ROM") || l.contains("Error"));
  }

  @Test
  void rmFaultARomTheChildCanModifyIsCaughtAndTheTestExitsWithMinusOne(ScenarioExtension.Runner runner) {
    String config = """
        <config>
          <parent-provides> %s </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="writable-rom" caps="20"> <resource name="RAM" quantum="128K"/>
            <provides> <service name="ROM"/> </provides> </start>
          <start name="test-rm_fault" caps="60"> <resource name="RAM" quantum="1M"/>
            <route> <service name="ROM"> <child name="writable-rom"/> </service>
                    <any-service> <parent/> </any-service> </route> </start>
        </config>
        """.formatted(services("ROM", "CPU", "RM", "PD", "LOG"));
    ScenarioRun run = runner.run(Scenario.of(config).with("writable-rom", new WritableRom())
            .with(RmFaultTest.BINARY, new RmFaultTest()),
        s -> s.awaitLog("[init] child \"test-rm_fault\" exited with exit value -1", VIRTUAL_TIMEOUT));
    String p = "[init -> test-rm_fault] ";
    String c = "[init -> test-rm_fault -> rmchild] ";
    assertThat(run.log()).containsSubsequence(
        p + "test WRITE faults on read-only binary and read-only attached RAM",
        c + "modify memory at 0x18000000 from 0x0 to 0x1",
        c + "Error: could modify ROM !!! 0x0",
        p + "Error: child \"rmchild\" exited with exit value -1 before the test was done",
        "[init] child \"test-rm_fault\" exited with exit value -1");
    assertThat(run.log()).noneMatch(l -> l.contains("got write fault") || l.contains("parent role of region-manager"
        + " fault test finished"));
  }

  @Test
  void subRmPatternsWrittenThroughOneViewAreReadThroughTheOther(ScenarioExtension.Runner runner) {
    ScenarioRun run = runAlone(runner, "test-sub_rm", services("ROM", "CPU", "RM", "PD", "LOG"), "2M", 30);
    String t = "[init -> test-sub_rm] ";
    assertThat(run.log()).containsSubsequence(t + "--- sub-rm test ---", t + "create RM connection",
        t + "create and destroy region map", t + "create managed dataspace",
        t + "fill dataspace with information", t + "fill dataspace with information",
        t + "attach RAM ds to a fixed position at sub rm", t + "attach sub rm at local address space",
        t + "validate pattern in sub rm", t + "attach RAM ds at another fixed position at sub rm",
        t + "validate pattern in second mapping in sub rm",
        t + "attaching beyond sub RM boundary failed as expected",
        t + "attaching RAM ds to a conflicting region", t + "attaching conflicting region failed as expected",
        t + "attach RAM ds with offset", t + "attach RAM ds with offset and size",
        t + "write through the sub rm, read the dataspace directly",
        t + "write the dataspace directly, read through the sub rm",
        t + "detached the RAM ds at 0x1000 from the sub rm",
        t + "--- end of sub-rm test ---", "[init] child \"test-sub_rm\" exited with exit value 0");
    assertThat(run.log()).noneMatch(l -> l.contains("FAIL") || l.contains("Error"));
    assertThat(SubRmTest.LOCAL_ATTACH_ADDR % 4096).isZero();
  }

  @Test
  void dsOwnershipADataspaceFreedThroughAForeignSessionSurvives(ScenarioExtension.Runner runner) {
    ScenarioRun run = runAlone(runner, "test-ds_ownership", services("CPU", "PD", "LOG"), "256K", 20);
    String t = "[init -> test-ds_ownership] ";
    assertThat(run.log()).containsSubsequence(t + "--- dataspace ownership test ---",
        t + "allocate dataspace from one RAM session", t + "attempt to free dataspace from foreign RAM session",
        t + "try to attach dataspace to see if it still exists", t + "attach operation succeeded",
        t + "content after the foreign free: 0x" + Integer.toHexString(DsOwnershipTest.PATTERN),
        t + "free dataspace from legitimate RAM session",
        t + "pd_1 has 12288 bytes before and 16384 bytes after the free",
        t + "the freed dataspace is gone: attach refused", t + "test succeeded",
        "[init] child \"test-ds_ownership\" exited with exit value 0");
    assertThat(run.log()).noneMatch(l -> l.contains("test failed"));
  }

  @Test
  void aFaultHandlerMayTakeAPageFaultWhileTheFaultItHandlesWaits(ScenarioExtension.Runner runner) {
    String config = """
        <config>
          <parent-provides> %s </parent-provides>
          <default-route> <any-service> <parent/> </any-service> </default-route>
          <start name="faulting-handler" caps="30"> <resource name="RAM" quantum="256K"/> </start>
        </config>
        """.formatted(services("CPU", "RM", "PD", "LOG"));
    ScenarioRun run = runner.run(Scenario.of(config).with("faulting-handler", new FaultingFaultHandler()),
        s -> s.awaitLog("[init] child \"faulting-handler\" exited with exit value 0", VIRTUAL_TIMEOUT));
    assertThat(run.log()).containsSubsequence("[init -> faulting-handler] received fault signal, fill the dataspace"
        + " to attach", "[init -> faulting-handler] read value 0x1234");
  }
}
