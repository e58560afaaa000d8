package io.github.genova.jmh;

import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Kernels;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The NOVA IPC fast path: a portal call from the root PD to a local EC in another PD and its reply, on
 * one CPU, with eight untyped words each way (compare with {@link JavaCallBaselineBenchmark}); and the
 * same call delegating one object capability each way.
 *
 * <p>The benchmark thread is the root EC ({@link Kernel#attachRoot()}): it sets the scene and makes the
 * calls, in the default deterministic mode.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class IpcBenchmark {
  private static final long ROOT_PD = 32;
  private static final long SERVER_PD = 64;
  private static final long SERVER_EC = 65;
  private static final long ADD_ONE_PT = 66;
  private static final long SWAP_CAP_PT = 67;
  private static final long ROOT_CAP = 69;
  private static final long RECEIVED = 0x100;
  private static final long SERVER_CAP = 0;
  private static final long SERVER_RECEIVED = 0x20;
  private static final long ADD_ONE = 1;

  private Kernel kernel;
  private Hypercalls root;
  private Utcb utcb;

  /** Boots a kernel; the benchmark thread becomes its root EC and builds the server. */
  @Setup(Level.Trial)
  public void boot() {
    kernel = Kernels.boot(KernelConfig.defaults());
    Hypercalls sys = kernel.attachRoot();
    check(sys.createSm(ROOT_CAP, ROOT_PD, 0));
    // The server PD gets a semaphore capability of its own at selector 0 (SERVER_CAP).
    check(sys.createPd(SERVER_PD, ROOT_PD, Crd.object(ROOT_CAP, 0, Perm.SM_UP)));
    check(sys.createEc(SERVER_EC, SERVER_PD, 0, 0x1000, 0, 0, false, (self, entry, pid) -> {
      Utcb u = self.utcb();
      if (pid == ADD_ONE) {
        for (int i = 0; i < 8; i++) {
          u.setWord(i, u.word(i) + 1);
        }
      } else {
        // Give back the capability received last round, then send one of our own.
        self.revoke(Crd.object(SERVER_RECEIVED, 0, Perm.ALL), true);
        u.setCounts(0, 0);
        u.appendDelegate(Crd.object(SERVER_CAP, 0, Perm.SM_UP), 0, 0);
        u.setDelegateWindow(Crd.object(SERVER_RECEIVED, 0, Perm.ALL)); // for the next call
      }
    }));
    check(sys.createPt(ADD_ONE_PT, ROOT_PD, SERVER_EC, 0, 0));
    check(sys.ptCtrl(ADD_ONE_PT, ADD_ONE));
    check(sys.createPt(SWAP_CAP_PT, ROOT_PD, SERVER_EC, 0, 0));
    // A first call lets the server open its receive window for the ones that follow.
    sys.utcb().setCounts(0, 0);
    check(sys.call(SWAP_CAP_PT));
    root = sys;
    utcb = sys.utcb();
    utcb.setDelegateWindow(Crd.object(RECEIVED, 0, Perm.ALL));
  }

  private static void check(Status s) {
    if (s != Status.SUCCESS) {
      throw new IllegalStateException("setup hypercall failed: " + s);
    }
  }

  /** Shuts the kernel down. */
  @TearDown(Level.Trial)
  public void shutdown() {
    kernel.close();
  }

  /** (a) call + reply with eight untyped words each way. */
  @Benchmark
  public long callReply8Words() {
    Utcb u = utcb;
    for (int i = 0; i < 8; i++) {
      u.setWord(i, i);
    }
    u.setCounts(8, 0);
    root.call(ADD_ONE_PT);
    return u.word(7);
  }

  /** (b) call + reply delegating one object capability each way (each side frees last round's slot). */
  @Benchmark
  public long callReplyDelegatingOneCapEachWay() {
    Hypercalls sys = root;
    Utcb u = utcb;
    sys.revoke(Crd.object(RECEIVED, 0, Perm.ALL), true);
    u.setCounts(0, 0);
    u.appendDelegate(Crd.object(ROOT_CAP, 0, Perm.SM_UP), 0, 0);
    sys.call(SWAP_CAP_PT);
    return u.itemCrd(0);
  }
}
