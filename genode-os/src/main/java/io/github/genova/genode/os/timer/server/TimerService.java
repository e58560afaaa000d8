package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.hw.Irq;
import io.github.genova.genode.os.timer.TimerSession;
import io.github.genova.genode.os.timer.pit.PitTimeSource;

/**
 * The timer driver's service: takes over the PIT, runs the interrupt thread ({@code "timer_irq"}, which
 * waits for IRQ 0 and lets the {@link TimeoutScheduler} expire timeouts and reprogram), and creates Timer
 * sessions served by one entrypoint. Core's root component will call {@link #session} and {@link #close}
 * for the parent's session requests.
 */
public final class TimerService {
  /** RAM a session's state costs the client's donation. */
  public static final RamQuota SESSION_RAM = RamQuota.of(4096);
  /** Capabilities a session costs: its RPC object's portal. */
  public static final CapQuota SESSION_CAPS = CapQuota.of(1);

  private final NativePd pd;
  private final RpcEntrypoint ep;
  private final Log log;
  private final TimeoutScheduler scheduler;

  /**
   * Starts the driver on {@code ports} (0x40-0x43) and {@code irq} (IRQ 0), serving sessions on {@code ep}.
   * Called by a thread of {@code pd}; the interrupt thread runs on {@code cpu}.
   */
  public TimerService(NativePd pd, RpcEntrypoint ep, int cpu, IoPorts ports, Irq irq) {
    this.pd = pd;
    this.ep = ep;
    this.log = pd.log();
    this.scheduler = new TimeoutScheduler(new PitTimeSource(ports, irq));
    new Thread(pd, "timer_irq", cpu) {
      @Override
      protected void entry() {
        scheduler.serveIrqs();
      }
    }.start();
  }

  /** Returns the scheduler (for the driver's own tests and statistics). */
  public TimeoutScheduler scheduler() {
    return scheduler;
  }

  /**
   * Creates a session for the request {@code args} and returns its capability.
   *
   * @throws InsufficientRamQuota if the donated {@code ram_quota} does not cover {@link #SESSION_RAM}
   * @throws InsufficientCapQuota if the donated {@code cap_quota} does not cover {@link #SESSION_CAPS}
   * @throws io.github.genova.genode.base.session.SessionArgsException if a quota argument is malformed
   */
  public Capability<TimerSession> session(SessionArgs args) throws InsufficientRamQuota, InsufficientCapQuota {
    Session.Resources.from(args).deduct(SESSION_RAM, SESSION_CAPS);
    TimerSessionComponent component = new TimerSessionComponent(scheduler, pd, log);
    return ep.manage(TimerSession.class, component);
  }

  /** Closes the session {@code cap} names; unknown capabilities are ignored. */
  public void close(Capability<TimerSession> cap) {
    TimerSessionComponent component = ep.apply(cap, TimerSessionComponent.class);
    if (component == null) {
      return;
    }
    ep.dissolve(component);
    component.destroy();
  }
}
