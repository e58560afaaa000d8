package io.github.genova.genode.os.timer;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.ComponentLauncher;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.sync.Semaphore;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.hw.GateIoPorts;
import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.hw.SemaphoreIrq;
import io.github.genova.genode.os.timer.server.TimerRoot;
import io.github.genova.genode.os.timer.server.TimerService;
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.KernelConfig;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.Machine;
import io.github.genova.platform.pc.StandardPc;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Test scaffolding: boots the real kernel in deterministic mode on a PC with the standard devices (the
 * 8254 among them) and runs a body as the root task turned Genode component. {@link #startTimer} plays
 * core's part for the timer driver until core's IO_PORT and IRQ services exist: it delegates ports
 * 0x40-0x43 and GSI 0's interrupt semaphore from the kernel to the root PD (host delegate items).
 */
public final class PcKernel {
  /** GSI 0's interrupt semaphore in the kernel PD (interrupt semaphores start at the CPU maximum, 64). */
  private static final long KERNEL_GSI_0 = 64;

  /** Every log line of the run, in order. */
  public final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private @Nullable NovaKernel kernel;

  /** Creates the scaffolding; {@link #run} boots the kernel. */
  public PcKernel() {}

  /** Runs {@code body} as the root component; rethrows its failure. */
  public void run(Consumer<Env> body) {
    Machine machine = Machine.builder().cpus(1).ram(64L << 20).virtualTime(true).devices(StandardPc.devices()).build();
    try (NovaKernel k = NovaKernel.boot(machine, KernelConfig.defaults())) {
      kernel = k;
      k.runRoot((sys, ip, arg) -> body.accept(Env.ofRootTask(sys, new Log("root", log::add))),
          Duration.ofMinutes(2));
    }
  }

  /** Returns the virtual time of the running kernel, in nanoseconds. */
  public long nanos() {
    return Objects.requireNonNull(kernel).nanos();
  }

  /** Returns the machine's PIT. */
  public StandardPc pc() {
    return StandardPc.of(Objects.requireNonNull(kernel).machine());
  }

  /** Returns a sink that appends to {@link #log}. */
  public Consumer<String> sink() {
    return log::add;
  }

  /** Starts the timer driver in the root PD, its sessions served by the root entrypoint. */
  public static TimerService startTimer(Env env) {
    return startTimer(env, new GateIoPorts());
  }

  /** Starts the timer driver with port accesses going through {@code ports} (a recorder around the gate's). */
  public static TimerService startTimer(Env env, IoPorts ports) {
    return new TimerService(env.pd(), env.ep(), env.cpu(), ports, new SemaphoreIrq(grantPit(env)));
  }

  /**
   * Gives the root PD what core's IO_PORT and IRQ sessions will give the timer: ports 0x40-0x43 and GSI 0's
   * interrupt semaphore, whose selector it returns.
   */
  public static long grantPit(Env env) {
    long sm = env.pd().selectors().alloc();
    hostDelegate(env, List.of(Crd.io(0x40, 2, Perm.IO_ACCESS), Crd.object(KERNEL_GSI_0, 0, Perm.SM_UP | Perm.SM_DOWN)),
        List.of(Crd.io(0, 16, Perm.ALL), Crd.object(sm, 0, Perm.ALL)));
    return sm;
  }

  /**
   * Delegates each of {@code items} of the kernel PD into the matching window of the calling thread's PD
   * (the root PD), one call each to a local EC that answers with a host delegate item.
   */
  private static void hostDelegate(Env env, List<Crd> items, List<Crd> windows) {
    NativePd pd = env.pd();
    int slot = pd.stackArea().alloc(); // stays allocated: the kernel keeps the UTCB page mapped
    AtomicReference<Crd> what = new AtomicReference<>(items.getFirst());
    long ec = pd.createLocalEc(env.cpu(), slot, (self, ip, pid) -> {
      Utcb u = self.utcb();
      u.setCounts(0, 0);
      u.appendDelegate(what.get(), 0, Utcb.ITEM_HOST);
    });
    long pt = pd.selectors().alloc();
    pd.createPortal(pt, ec, 0);
    Hypercalls sys = NativeThread.current().gate();
    for (int i = 0; i < items.size(); i++) {
      what.set(items.get(i));
      sys.utcb().setDelegateWindow(windows.get(i));
      sys.utcb().setCounts(0, 0);
      Status s = sys.call(pt);
      if (s != Status.SUCCESS) {
        throw new IllegalStateException("host delegation of " + items.get(i) + " failed: " + s);
      }
    }
    pd.revoke(pt);
    pd.revoke(ec);
    pd.selectors().free(pt);
    pd.selectors().free(ec);
  }

  /**
   * Runs {@code client} as a child component of the root task with the timer driver in the root PD
   * (port accesses through {@code ports}); returns when the client's code has returned. The child opens
   * Timer sessions through its parent, as it will through core's Connection.
   */
  public void runClient(IoPorts ports, Consumer<Client> client) {
    run(env -> {
      TimerRoot timer = new TimerRoot(startTimer(env, ports), env.log());
      Semaphore exited = new Semaphore(0);
      TimerParent parent = new TimerParent() {
        @Override
        public Capability<TimerSession> openTimer() {
          try {
            return timer.session(SessionArgs.empty().with("ram_quota", TimerConnection.RAM_QUOTA)
                .with("cap_quota", TimerConnection.CAP_QUOTA).toString()).cast();
          } catch (ServiceDenied | InsufficientRamQuota | InsufficientCapQuota e) {
            return Capability.invalid();
          }
        }

        @Override
        public void closeTimer(Capability<TimerSession> session) {
          timer.close(session.cast());
        }

        @Override
        public void exit(int value) {
          exited.up();
        }
      };
      new ComponentLauncher(env, sink()).start("client", 0, TimerParent.class, parent, child -> {
        TimerParent p = RpcInterface.of(TimerParent.class).client(child.parent().cast());
        try {
          client.accept(new Client(child, p));
        } finally {
          p.exit(0);
        }
      });
      exited.down();
    });
  }

  /** Runs {@code client} as in {@link #runClient(IoPorts, Consumer)} with the gate's port I/O. */
  public void runClient(Consumer<Client> client) {
    runClient(new GateIoPorts(), client);
  }

  /** What a client component gets: its environment and a way to open Timer connections. */
  public static final class Client {
    private final Env env;
    private final TimerParent parent;

    Client(Env env, TimerParent parent) {
      this.env = env;
      this.parent = parent;
    }

    /** Returns the client's environment. */
    public Env env() {
      return env;
    }

    /** Opens a Timer connection through the parent; usable by the calling thread's component. */
    public TimerConnection open() {
      Capability<TimerSession> cap = parent.openTimer();
      if (!cap.valid()) {
        throw new IllegalStateException("Timer session refused");
      }
      return new TimerConnection(env, cap, () -> parent.closeTimer(cap));
    }
  }

  /** Starts a Genode thread of {@code pd} on CPU 0 running {@code body}. */
  public static Thread start(NativePd pd, String name, Runnable body) {
    Thread t = new Thread(pd, name, 0) {
      @Override
      protected void entry() {
        body.run();
      }
    };
    t.start();
    return t;
  }
}
