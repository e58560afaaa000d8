package io.github.genova.genode.base.core.cpu;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.cpu.CpuSession;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.QuotaAccounts;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.nova.api.Qpd;
import io.github.genova.nova.api.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's CPU service on NOVA: binds scheduling contexts, owned by core, to the global ECs of its clients'
 * threads. The session's {@code priority} argument (0 highest, below {@link CpuSession#PRIORITY_LIMIT})
 * scales onto NOVA's priorities below the default of 64, as Genode's NOVA core does. Closing the session
 * revokes the scheduling contexts, which stops its threads. A session costs 8 KiB and 2 capabilities.
 */
public final class CpuRoot extends RootComponent<CpuSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(8192);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);
  /** NOVA's default priority, that of priority argument 0. */
  public static final int DEFAULT_KERNEL_PRIORITY = 64;
  /** A thread's quantum in microseconds. */
  public static final int QUANTUM_MICROS = 10_000;

  private final NativePd corePd;
  private final int cpus;

  /** Creates the CPU root served by {@code ep} for {@code cpus} CPUs, charging {@code accounts}. */
  public CpuRoot(RpcEntrypoint ep, QuotaAccounts accounts, NativePd corePd, int cpus, Log log) {
    super(ep, CpuSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.corePd = corePd;
    this.cpus = cpus;
  }

  /** Returns the NOVA priority of Genode priority {@code priority}: 0 → 64, the lowest → 1. */
  public static int kernelPriority(long priority) {
    return (int) Math.max(1, DEFAULT_KERNEL_PRIORITY - priority * DEFAULT_KERNEL_PRIORITY
        / CpuSession.PRIORITY_LIMIT);
  }

  private final class Component implements CpuSession {
    private final int priority;
    private final List<Long> scs = new ArrayList<>();

    Component(int priority) {
      this.priority = priority;
    }

    @Override
    public int affinitySpace() {
      return cpus;
    }

    @Override
    public int kernelPriority() {
      return priority;
    }

    @Override
    public void start(Capability<Object> ec) throws ThreadCreationFailed {
      long sc = corePd.selectors().alloc();
      Status s = NativeThread.current().gate().createSc(sc, corePd.selector(), ec.selector(),
          new Qpd(priority, QUANTUM_MICROS));
      if (s != Status.SUCCESS) {
        corePd.selectors().free(sc);
        throw new ThreadCreationFailed();
      }
      synchronized (this) {
        scs.add(sc);
      }
    }

    synchronized void destroy() {
      for (long sc : scs) {
        corePd.revoke(sc);
        corePd.selectors().free(sc);
      }
      scs.clear();
    }
  }

  @Override
  protected CpuSession createSession(SessionArgs args) throws ServiceDenied {
    long priority = args.longValue("priority", 0);
    if (priority < 0 || priority >= CpuSession.PRIORITY_LIMIT) {
      log().warning("CPU session: priority must be 0.." + (CpuSession.PRIORITY_LIMIT - 1) + ": " + priority);
      throw new ServiceDenied("priority " + priority + " out of range");
    }
    return new Component(kernelPriority(priority));
  }

  @Override
  protected void destroySession(CpuSession session) {
    ((Component) session).destroy();
  }
}
