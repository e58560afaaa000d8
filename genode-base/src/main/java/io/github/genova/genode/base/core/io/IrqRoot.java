package io.github.genova.genode.base.core.io;

import io.github.genova.genode.base.io.IrqSession;
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
import io.github.genova.nova.api.Crd;
import io.github.genova.nova.api.Hypercalls;
import io.github.genova.nova.api.Perm;
import io.github.genova.nova.api.Status;
import io.github.genova.nova.api.Utcb;
import java.util.HashMap;
import java.util.Map;

/**
 * Core's IRQ service on NOVA: at boot core takes the kernel's GSI semaphores (NOVA keeps them in its own
 * object space after the CPU selectors, 64 + GSI, and hands them to the root PD by host delegation); a
 * session for {@code irq_number} routes the line to its CPU with {@code assign_gsi} and gets an entrypoint
 * of its own, where {@link IrqSession#waitForIrq()} downs the GSI semaphore. One session per line. A session
 * costs 4 KiB and 2 capabilities.
 */
public final class IrqRoot extends RootComponent<IrqSession> {
  /** What one session object costs: RAM. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** What one session object costs: capabilities. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(2);
  /** Where NOVA keeps the GSI semaphores in its object space: after the maximal number of CPUs. */
  public static final long KERNEL_GSI_SELECTOR_BASE = 64;

  private final NativePd corePd;
  private final long[] gsiSemaphores;
  private final Map<Integer, Component> lines = new HashMap<>();

  /**
   * Creates the IRQ root served by {@code ep} for {@code gsis} lines, taking their semaphores from the
   * kernel. Called by core's main thread.
   */
  public IrqRoot(RpcEntrypoint ep, QuotaAccounts accounts, NativePd corePd, int gsis, Log log) {
    super(ep, IrqSession.class, accounts, SESSION_RAM, SESSION_CAPS, log);
    this.corePd = corePd;
    this.gsiSemaphores = takeGsiSemaphores(corePd, gsis);
  }

  private static long[] takeGsiSemaphores(NativePd pd, int gsis) {
    Hypercalls gate = NativeThread.current().gate();
    int slot = pd.stackArea().alloc();
    int[] next = new int[1];
    long granter = pd.createLocalEc(gate.cpu(), slot, (self, ip, arg) -> {
      Utcb u = self.utcb();
      u.setCounts(0, 0);
      u.appendDelegate(Crd.object(KERNEL_GSI_SELECTOR_BASE + next[0], 0, Perm.SM_UP | Perm.SM_DOWN), 0,
          Utcb.ITEM_HOST);
    });
    long pt = pd.selectors().alloc();
    pd.createPortal(pt, granter, 0);
    long[] sms = new long[gsis];
    Utcb u = gate.utcb();
    Crd saved = u.delegateWindow();
    for (int gsi = 0; gsi < gsis; gsi++) {
      next[0] = gsi;
      sms[gsi] = pd.selectors().alloc();
      u.setDelegateWindow(Crd.object(sms[gsi], 0, Perm.ALL));
      u.setCounts(0, 0);
      Status s = gate.call(pt);
      if (s != Status.SUCCESS) {
        throw new IllegalStateException("cannot take the semaphore of GSI " + gsi + ": " + s);
      }
    }
    u.setDelegateWindow(saved);
    pd.revoke(pt);
    pd.revoke(granter);
    pd.stackArea().free(slot); // the kernel unmapped the destroyed EC's UTCB: the slot may hold a new one
    return sms;
  }

  /** A session: one line, its semaphore, its own entrypoint. */
  private static final class Component implements IrqSession {
    private final int line;
    private final long semaphore;
    private final RpcEntrypoint ep;

    Component(int line, long semaphore, RpcEntrypoint ep) {
      this.line = line;
      this.semaphore = semaphore;
      this.ep = ep;
    }

    @Override
    public void waitForIrq() {
      NativeThread.current().gate().smDown(semaphore, false, 0);
    }
  }

  @Override
  protected IrqSession createSession(SessionArgs args) throws ServiceDenied {
    long irq = args.longValue("irq_number", -1);
    if (irq < 0 || irq >= gsiSemaphores.length) {
      log().warning("IRQ session: irq_number must be 0.." + (gsiSemaphores.length - 1) + ": " + irq);
      throw new ServiceDenied("irq_number " + irq + " out of range");
    }
    int line = (int) irq;
    synchronized (lines) {
      if (lines.containsKey(line)) {
        log().warning("IRQ session: irq_number " + line + " is in use");
        throw new ServiceDenied("irq_number " + line + " is in use");
      }
      Hypercalls gate = NativeThread.current().gate();
      int cpu = gate.cpu();
      Status s = gate.assignGsi(gsiSemaphores[line], 0, cpu);
      if (s != Status.SUCCESS) {
        throw new ServiceDenied("assign_gsi of line " + line + ": " + s);
      }
      Component c = new Component(line, gsiSemaphores[line], new RpcEntrypoint(corePd, "irq " + line, cpu));
      lines.put(line, c);
      return c;
    }
  }

  @Override
  protected RpcEntrypoint entrypointFor(IrqSession session) {
    return ((Component) session).ep;
  }

  @Override
  protected void destroySession(IrqSession session) {
    Component c = (Component) session;
    synchronized (lines) {
      lines.remove(c.line);
    }
    c.ep.close();
  }
}
