package io.github.genova.genode.os.test.rmfault;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rm.RmSession;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * The region-manager fault test after Genode's ({@code test-rm_fault}): one binary in two roles. Started by
 * init it is the parent: it asks for an RM session, gets one, and starts itself as child {@code rmchild}
 * ({@link RmFaultParent}); the parent denies its child every RM session, so the child's request fails and
 * it takes the child role ({@link RmFaultChild}). The child touches {@link #MANAGED_ADDR}, where nothing is
 * attached, and the parent, signalled by the region map of the child's address space, resolves each fault by
 * hand: four rounds of read faults answered with a RAM dataspace the child then modifies, and write faults on
 * a read-only attached ROM (the test's own binary) and on read-only attached RAM, which must never let the
 * child modify the ROM. (Genode's executable-fault rounds are left out, as its run script does where
 * non-executable memory is not supported: a Java component executes no code from its memory.)
 */
public final class RmFaultTest implements Component {
  /** The binary's name. */
  public static final String BINARY = "test-rm_fault";
  /** Where the child faults: in its address space, nothing is attached there. */
  public static final long MANAGED_ADDR = 0x1800_0000L;
  /** The value the parent puts into the shared word to stop the child's modifications. */
  public static final long STOP_TEST = 0xdead;
  /** The value the parent puts into the shared word for a read round. */
  public static final long READ_TEST = 0x12345;
  /** The value the parent puts into the shared word when the write rounds begin. */
  public static final long WRITE_TEST = READ_TEST - 1;
  /** The value of Genode's executable-fault rounds (left out here); the child's shutdown follows it. */
  public static final long EXEC_TEST = WRITE_TEST - 1;
  /** The value the child puts into the shared word when it is done. */
  public static final long SHUTDOWN = EXEC_TEST - 1;

  private static final String RM_ARGS = "ram_quota=16K, cap_quota=4";

  /** Creates the test, in whichever role it will find itself. */
  public RmFaultTest() {}

  @Override
  public void construct(Env env) {
    env.log().log("--- region-manager fault test ---");
    // Whoever gets an RM session is the parent: the parent denies its child the RM service.
    try (Connection<RmSession> rm = new Connection<>(env, RmSession.class, RmSession.SERVICE_NAME,
        SessionArgs.parse(RM_ARGS))) {
      rm.session();
    } catch (ServiceDenied e) {
      new RmFaultChild(env).run();
      return;
    } catch (OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("no RM session: " + e);
      env.parentInterface().exit(-1);
      return;
    }
    new RmFaultParent(env).run();
  }
}
