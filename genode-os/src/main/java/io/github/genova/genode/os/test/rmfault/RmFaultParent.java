package io.github.genova.genode.os.test.rmfault;

import static io.github.genova.genode.os.test.rmfault.RmFaultTest.MANAGED_ADDR;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.READ_TEST;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.SHUTDOWN;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.STOP_TEST;
import static io.github.genova.genode.os.test.rmfault.RmFaultTest.WRITE_TEST;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.child.Child;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.AttachedRomDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.rom.RomSession;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionLabel;
import io.github.genova.genode.base.session.SessionRequest;
import io.github.genova.genode.base.signal.Signal;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The parent role of {@link RmFaultTest}: starts child {@value #CHILD} with the fault handler on its address
 * space and answers each fault signal with the fault state and a region-map operation, as Genode's test does:
 * the first {@value #FAULT_CNT_READ} faults are read faults at {@link RmFaultTest#MANAGED_ADDR}, answered by
 * attaching a shared RAM page holding {@link RmFaultTest#READ_TEST}, waiting until the child incremented it
 * and revoking the page; then the ROM of the test's binary is attached there, the child's write must fault,
 * read-only RAM in its place must fault as well, and writeable RAM finally lets the child go on and shut
 * down. Every fault must be of the expected type at the expected address, and each modification exactly one
 * increment; any deviation, or the child's exit, ends the test with an {@code Error:} line and exit value -1.
 *
 * <p>Unlike Genode's test, each read round attaches a page of its own, and every page the parent writes or
 * polls is touched before the child starts and not revoked from the parent before its last use, so that no
 * fault of the parent's is ever part of a round. (Core pages every thread by a pager EC of its own, as
 * Genode's does, so the handler may fault while the child's fault waits; the scenario test {@code
 * aFaultHandlerMayTakeAPageFaultWhileTheFaultItHandlesWaits} shows that.)
 */
final class RmFaultParent {
  /** The child's name. */
  static final String CHILD = "rmchild";
  /** The faults answered by read rounds. */
  static final int FAULT_CNT_READ = 4;
  /** The last fault, answered by the second write round. */
  static final int FAULT_CNT_WRITE = 6;
  /** The child's RAM quota (half of it goes to its PD session). */
  static final long CHILD_RAM = 128 * 1024;
  /** The child's capability quota (half of it goes to its PD session). */
  static final long CHILD_CAPS = 16;
  private static final int PAGE = 4096;

  /** The test cannot go on: the message says why. */
  private static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;

    Failed(String message) {
      super(message);
    }
  }

  private final Env env;
  private final Log log;
  private final PollingPause pause;
  private final SignalReceiver receiver;
  private final SignalContext faultContext = new SignalContext();
  private final SignalContext exitContext = new SignalContext();
  private final QuotaAccounts accounts;
  private final RmChildPolicy policy;
  private @Nullable Child child;
  /** One page per read round and one for the write rounds, each touched before the child runs. */
  private final List<SharedPage> pages = new ArrayList<>();
  private int faultCount;

  /**
   * A RAM page the parent shares with its child: its dataspace and where the parent has it attached.
   *
   * @param ds the dataspace
   * @param local its address in the parent
   */
  private record SharedPage(Capability<Dataspace> ds, long local) {}

  RmFaultParent(Env env) {
    this.env = env;
    this.log = env.log();
    this.pause = new PollingPause(env);
    this.receiver = new SignalReceiver(env.pd(), env.cpu());
    PdSession pd = env.pdSession();
    this.accounts = QuotaAccounts.of(RmFaultTest.BINARY, RamQuota.of(pd.ramQuota() - pd.usedRam()),
        CapQuota.of(pd.capQuota() - pd.usedCaps()));
    this.policy = new RmChildPolicy(env, accounts, receiver.manage(faultContext), receiver.manage(exitContext));
  }

  void run() {
    int exitValue = 0;
    try (Connection<RomSession> binary = new Connection<>(env, RomSession.class, RomSession.SERVICE_NAME,
        SessionArgs.parse(AttachedRomDataspace.ROM_ARGS).with(SessionLabel.of(RmFaultTest.BINARY)))) {
      for (int i = 0; i <= FAULT_CNT_READ; i++) {
        Capability<Dataspace> ds = env.pdSession().allocRam(PAGE);
        SharedPage page = new SharedPage(ds, env.rm().attach(ds, 0, 0, false, 0, true));
        setValue(page, 0); // mapped now: see the class comment
        pages.add(page);
      }
      RegionMap space = startChild();
      log.log("-- parent role started --");
      boolean done = false;
      while (!done) {
        Signal s = receiver.waitForSignal();
        if (s.context().equals(exitContext)) {
          throw childExited();
        }
        done = handleFault(space, binary.session().dataspace());
      }
      log.log("--- parent role of region-manager fault test finished ---");
    } catch (Failed e) {
      log.error(String.valueOf(e.getMessage()));
      exitValue = -1;
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota
        | RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      log.error("cannot set the test up: " + e);
      exitValue = -1;
    }
    Child c = child;
    if (c != null) {
      c.destroy();
    }
    receiver.close();
    env.parentInterface().exit(exitValue);
  }

  private RegionMap startChild() throws OutOfRam, OutOfCaps, ServiceDenied {
    Map<String, SessionRequest> initial = Child.initialSessions(RamQuota.of(CHILD_RAM), CapQuota.of(CHILD_CAPS));
    Child c = Child.create(CHILD, env, accounts, new Session.Resources(RamQuota.of(CHILD_RAM),
        CapQuota.of(CHILD_CAPS)), policy, initial, env.cpu(), new RmFaultTest());
    child = c;
    return RmChildPolicy.addressSpace(c);
  }

  /** Handles one fault signal; returns true when the child is done. */
  private boolean handleFault(RegionMap space, Capability<Dataspace> rom) throws Failed {
    log.log("received region-manager fault signal, request fault state");
    RegionMap.Fault fault = space.fault();
    log.log("rm session state is " + name(fault.type()) + ", pf_addr=" + hex(fault.address()));
    if (fault.type() == RegionMap.FaultType.NONE) {
      log.log("ignoring spurious fault signal");
      return false;
    }
    long at = fault.address() & -PAGE;
    boolean writeRound = faultCount > FAULT_CNT_READ;
    RegionMap.FaultType expected = writeRound ? RegionMap.FaultType.WRITE : RegionMap.FaultType.READ;
    if (fault.type() != expected || at != MANAGED_ADDR) {
      throw new Failed("fault " + faultCount + " is a " + name(fault.type()) + " at " + hex(fault.address())
          + ", expected a " + name(expected) + " at " + hex(MANAGED_ADDR));
    }
    if (faultCount < FAULT_CNT_READ) {
      readRound(space, at, pages.get(faultCount));
    } else {
      writeRound(space, at, faultCount - FAULT_CNT_READ, rom, pages.get(FAULT_CNT_READ));
    }
    if (faultCount++ < FAULT_CNT_WRITE) {
      return false;
    }
    SharedPage last = pages.get(FAULT_CNT_READ);
    waitFor(() -> value(last) == SHUTDOWN, "the child's shutdown");
    return true;
  }

  private void readRound(RegionMap space, long at, SharedPage page) throws Failed {
    log.log("attach dataspace to the child at " + hex(at));
    setValue(page, READ_TEST);
    attach(space, at, page, true);
    waitFor(() -> value(page) != READ_TEST, "the child's modification");
    long value = value(page);
    log.log("child modified dataspace content, new value is " + hex(value));
    if (value != READ_TEST + 1) {
      throw new Failed("the child's modification is " + hex(value) + ", expected " + hex(READ_TEST + 1));
    }
    log.log("revoke dataspace from child");
    space.detach(at);
  }

  private void writeRound(RegionMap space, long at, int round, Capability<Dataspace> rom, SharedPage page)
      throws Failed {
    if (round == 0) {
      log.log("test WRITE faults on read-only binary and read-only attached RAM");
      setValue(page, WRITE_TEST);
      try {
        space.attach(rom, 0, 0, true, at, true);
      } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
        throw new Failed("cannot attach the ROM to the child: " + e.getMessage());
      }
      return;
    }
    if (round == 2) {
      env.memory().writeLong(page.local() + Long.BYTES, STOP_TEST);
    }
    log.log("got write fault on " + hex(at) + (round == 1 ? " ROM (binary)" : " read-only attached RAM"));
    space.detach(at);
    attach(space, at, page, round == 2);
  }

  private void attach(RegionMap space, long at, SharedPage page, boolean writable) throws Failed {
    try {
      space.attach(page.ds(), PAGE, 0, true, at, writable);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      throw new Failed("cannot attach the dataspace to the child at " + hex(at) + ": " + e.getMessage());
    }
  }

  /** A condition on the shared page the parent polls for. */
  private interface Condition {
    boolean holds();
  }

  private void waitFor(Condition condition, String what) throws Failed {
    while (!condition.holds()) {
      if (policy.exitValue() != null) {
        throw new Failed("waiting for " + what + ": " + childExited().getMessage());
      }
      pause.pass();
    }
  }

  private Failed childExited() {
    return new Failed("child \"" + CHILD + "\" exited with exit value " + policy.exitValue()
        + " before the test was done");
  }

  private long value(SharedPage page) {
    return env.memory().readLong(page.local());
  }

  private void setValue(SharedPage page, long value) {
    env.memory().writeLong(page.local(), value);
  }

  private static String name(RegionMap.FaultType type) {
    return type == RegionMap.FaultType.NONE ? "READY" : type + "_FAULT";
  }

  private static String hex(long value) {
    return "0x" + Long.toHexString(value);
  }
}
