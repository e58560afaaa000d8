package io.github.genova.genode.base.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.core.memory.PhysicalMemory;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.thread.Thread;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Real memory through core: RAM dataspaces from the PD session attached to region maps and touched by host
 * code (checklist items 47–49, and the region-manager fault test of Genode's base tests).
 */
class MemoryTest {
  private static final long AT = 0x1000_0000L;


  @Test
  void ramDataspacesAreRealFramesThatHostCodeReadsAndWritesThroughTheAddressSpace() {
    List<Long> phys = new ArrayList<>();
    List<String> console = CoreScenario.runInit(env -> {
      try {
        PdSession pd = env.pdSession();
        long usedBefore = pd.usedRam();
        Capability<Dataspace> ds = pd.allocRam(5000);
        Dataspace d = RpcInterface.of(Dataspace.class).client(ds);
        long at = env.rm().attach(ds, 0, 0, true, AT, true);
        env.memory().writeLong(at + 8, 0x1122_3344_5566_7788L);
        env.memory().writeInt(at + 4096, 42);
        phys.add(d.physAddr());
        env.log().log("size " + d.size() + " used " + (pd.usedRam() - usedBefore) + " read "
            + Long.toHexString(env.memory().readLong(at + 8)) + " " + env.memory().readInt(at + 4096));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(console).contains("[init] size 8192 used 8192 read 1122334455667788 42");
    assertThat(phys.getFirst() % PhysicalMemory.PAGE).isZero();
  }

  @Test
  void item47_attachAtAnOccupiedRangeFailsWithRegionConflict() {
    List<String> console = CoreScenario.runInit(env -> {
      try {
        Capability<Dataspace> ds = env.pdSession().allocRam(8192);
        env.rm().attach(ds, 0, 0, true, AT, true);
        List<String> results = new ArrayList<>();
        for (long at : new long[] {AT, AT + 0x1000, AT - 0x1000, AT + 0x2000}) {
          try {
            env.rm().attach(ds, 0, 0, true, at, true);
            results.add(Long.toHexString(at) + " ok");
          } catch (RegionMap.RegionConflict e) {
            results.add(Long.toHexString(at) + " conflict");
          }
        }
        try {
          env.rm().attach(ds, 0x1000, 0x2000, true, AT + 0x10000, true);
        } catch (RegionMap.InvalidDataspace e) {
          results.add("beyond the dataspace invalid");
        }
        env.log().log(String.join(", ", results));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(console).contains("[init] 10000000 conflict, 10001000 conflict, ffff000 conflict, 10002000 ok, "
        + "beyond the dataspace invalid");
  }

  @Test
  void item48_item49_aFaultInAManagedDataspaceSignalsItsHandlerAndWaitsForTheAttach() {
    List<String> console = CoreScenario.runInit(env -> {
      try (var rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
          SessionArgs.parse("ram_quota=16K, cap_quota=4"))) {
        env.log().log("--- region-manager fault test ---");
        RegionMap sub = RpcInterface.of(RegionMap.class).client(rm.session().create(0x10000));
        long managed = env.rm().attach(sub.dataspace(), 0, 0, true, AT, true);
        SignalReceiver receiver = new SignalReceiver(env.pd(), env.cpu());
        SignalContext context = new SignalContext();
        sub.faultHandler(receiver.manage(context));
        // The dataspace the fault handler will attach, prepared with a value through a second attachment.
        Capability<Dataspace> ds = env.pdSession().allocRam(4096);
        long direct = env.rm().attach(ds, 0, 0, false, 0, true);
        env.memory().writeInt(direct + 0x10, 0x1234);
        Thread reader = new Thread(env.pd(), "reader", env.cpu()) {
          @Override
          protected void entry() {
            env.log().log("perform read operation at managed address");
            int value = env.memory().readInt(managed + 0x2010);
            env.log().log("read value 0x" + Integer.toHexString(value));
          }
        };
        reader.start();
        receiver.waitForSignal();
        env.log().log("received region-manager fault signal, request fault state");
        RegionMap.Fault fault = sub.fault();
        env.log().log("rm session state is " + fault.type() + "_FAULT, pf_addr=0x" + Long.toHexString(fault.address()));
        env.log().log("attach dataspace to the child");
        sub.attach(ds, 0, 0, true, 0x2000, true);
        reader.join();
        env.log().log("state after attach " + sub.fault().type());
        receiver.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    assertThat(console).containsSubsequence("[init] --- region-manager fault test ---",
        "[init] perform read operation at managed address",
        "[init] received region-manager fault signal, request fault state",
        "[init] rm session state is READ_FAULT, pf_addr=0x2010",
        "[init] attach dataspace to the child",
        "[init] read value 0x1234",
        "[init] state after attach NONE");
  }

  @Test
  void theManagedDataspaceOfARegionMapDiesWithTheMap() {
    List<String> console = CoreScenario.runInit(env -> {
      try (var rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
          SessionArgs.parse("ram_quota=16K, cap_quota=4"))) {
        Capability<RegionMap> mapCap = rm.session().create(0x4000);
        RegionMap map = RpcInterface.of(RegionMap.class).client(mapCap);
        List<Capability<Dataspace>> handedOut = List.of(map.dataspace(), map.dataspace());
        rm.session().destroy(mapCap);
        for (Capability<Dataspace> ds : handedOut) {
          try {
            env.rm().attach(ds, 0, 0, false, 0, true);
            env.log().log("attached a dead region map");
          } catch (RegionMap.InvalidDataspace e) {
            env.log().log("attach of a destroyed map's dataspace: InvalidDataspace");
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    // Both capabilities name the one managed dataspace (NOVA delegates it anew each time), gone with the map.
    assertThat(console).filteredOn(l -> l.startsWith("[init] attach")).containsExactly(
        "[init] attach of a destroyed map's dataspace: InvalidDataspace",
        "[init] attach of a destroyed map's dataspace: InvalidDataspace");
    assertThat(console).noneMatch(l -> l.contains("Warning") || l.contains("dead region map"));
  }
}
