package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.rpc.RpcEntrypoint;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.hw.IoPorts;
import io.github.genova.genode.os.hw.Irq;
import io.github.genova.genode.os.timer.pit.PitTimeSource;

/**
 * The timer driver's service: takes over the PIT, runs the interrupt thread ({@code "timer_irq"}, which
 * waits for IRQ 0 and lets the {@link TimeoutScheduler} expire timeouts and reprogram), and creates the
 * session objects its {@link TimerRoot} serves at the driver's entrypoint.
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

  /** Returns the entrypoint the sessions are served at. */
  RpcEntrypoint ep() {
    return ep;
  }

  /** Creates the object of one session on the driver's scheduler; the caller serves it. */
  TimerSessionComponent createSession() {
    return new TimerSessionComponent(scheduler, pd, log);
  }
}
