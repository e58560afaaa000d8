package io.github.genova.genode.os.test.dsownership;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.pd.PdSession;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RegionMap;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * The dataspace-ownership test after Genode's ({@code test-ds_ownership}): the component opens two PD
 * sessions of its own besides its environment's, allocates a RAM dataspace from the first, and asks the
 * second to free it. The dataspace must survive that — still attachable, its content intact, the first
 * session still charged for it — and freeing it through the first session must return its RAM there. Logs
 * {@code test succeeded} and exits with 0, or logs {@code Error: test failed} (after the reason) and exits
 * with -1.
 */
public final class DsOwnershipTest implements Component {
  /** What each of the two PD sessions donates: 8 KiB pay the session, the rest is its budget. */
  public static final String PD_ARGS = "ram_quota=24K, cap_quota=4";
  /** The value written into the dataspace before the foreign free and expected after it. */
  public static final int PATTERN = 0x0d5_0a11;

  /** A check that failed: its message says why. */
  private static final class CheckFailed extends Exception {
    private static final long serialVersionUID = 1L;

    CheckFailed(String message) {
      super(message);
    }
  }

  /** Creates the test. */
  public DsOwnershipTest() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- dataspace ownership test ---");
    try (Connection<PdSession> pd1 = pd(env, "pd_1"); Connection<PdSession> pd2 = pd(env, "pd_2")) {
      run(env, pd1.session(), pd2.session());
    } catch (CheckFailed e) {
      log.error(String.valueOf(e.getMessage()));
      log.error("test failed");
      env.parentInterface().exit(-1);
      return;
    }
    env.parentInterface().exit(0);
  }

  private static Connection<PdSession> pd(Env env, String label) throws CheckFailed {
    try {
      return new Connection<>(env, PdSession.class, PdSession.SERVICE_NAME,
          SessionArgs.parse("label=\"" + label + "\", " + PD_ARGS));
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      throw new CheckFailed("no PD session \"" + label + "\": " + e);
    }
  }

  private static void run(Env env, PdSession pd1, PdSession pd2) throws CheckFailed {
    Log log = env.log();
    log.log("allocate dataspace from one RAM session");
    Capability<Dataspace> ds;
    try {
      ds = pd1.allocRam(Integer.BYTES);
    } catch (OutOfRam | OutOfCaps e) {
      throw new CheckFailed("allocation from pd_1 failed: " + e);
    }
    long at = attach(env, ds, "before");
    env.memory().writeInt(at, PATTERN);
    long charged = pd1.usedRam();
    long foreignUsed = pd2.usedRam();

    log.log("attempt to free dataspace from foreign RAM session");
    pd2.freeRam(ds);

    log.log("try to attach dataspace to see if it still exists");
    long again = attach(env, ds, "after the foreign free");
    log.log("attach operation succeeded");
    int seen = env.memory().readInt(again);
    log.log("content after the foreign free: 0x" + Integer.toHexString(seen));
    if (seen != PATTERN) {
      throw new CheckFailed("the dataspace lost its content: 0x" + Integer.toHexString(seen) + " instead of 0x"
          + Integer.toHexString(PATTERN));
    }
    if (pd1.usedRam() != charged || pd2.usedRam() != foreignUsed) {
      throw new CheckFailed("the foreign free moved RAM: pd_1 uses " + pd1.usedRam() + " (was " + charged
          + "), pd_2 uses " + pd2.usedRam() + " (was " + foreignUsed + ")");
    }
    env.rm().detach(at);
    env.rm().detach(again);

    log.log("free dataspace from legitimate RAM session");
    long before = pd1.ramQuota() - pd1.usedRam();
    pd1.freeRam(ds);
    long after = pd1.ramQuota() - pd1.usedRam();
    log.log("pd_1 has " + before + " bytes before and " + after + " bytes after the free");
    if (after <= before) {
      throw new CheckFailed("freeing through the owner returned no RAM");
    }
    try {
      env.rm().attach(ds, 0, 0, false, 0, true);
      throw new CheckFailed("the freed dataspace could still be attached");
    } catch (RegionMap.InvalidDataspace expected) {
      log.log("the freed dataspace is gone: attach refused");
    } catch (RegionMap.RegionConflict e) {
      throw new CheckFailed("attach of the freed dataspace: " + e);
    }
    log.log("test succeeded");
  }

  private static long attach(Env env, Capability<Dataspace> ds, String when) throws CheckFailed {
    try {
      return env.rm().attach(ds, 0, 0, false, 0, true);
    } catch (RegionMap.RegionConflict | RegionMap.InvalidDataspace e) {
      throw new CheckFailed("attach " + when + " failed: " + e.getMessage());
    }
  }
}
