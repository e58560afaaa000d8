package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.hw.IoPortConnection;
import io.github.genova.genode.os.hw.IrqConnection;
import io.github.genova.genode.os.timer.TimerSession;
import io.github.genova.genode.os.timer.pit.PitTimeSource;

/**
 * Genode's timer driver as a component (the binary {@code timer}): opens an IO_PORT session for the PIT's
 * ports 0x40-0x43 and an IRQ session for line 0 at its parent, as a driver under init does, starts the
 * {@link TimerService} on them and announces the {@value TimerSession#SERVICE_NAME} service. When a session
 * is refused (the ports or the line are another driver's, or no route leads to core) it logs which and why
 * and exits with 1, returning what it opened.
 */
public final class TimerDriver implements Component {
  /** Creates the driver's code (its factory does). */
  public TimerDriver() {}

  @Override
  public void construct(Env env) {
    Log log = env.log();
    IoPortConnection ports;
    try {
      ports = new IoPortConnection(env, PitTimeSource.IO_PORT_BASE, PitTimeSource.IO_PORT_COUNT);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("I/O ports 0x" + Integer.toHexString(PitTimeSource.IO_PORT_BASE) + "-0x"
          + Integer.toHexString(PitTimeSource.IO_PORT_BASE + PitTimeSource.IO_PORT_COUNT - 1)
          + " of the PIT refused: " + describe(e));
      env.parentInterface().exit(1);
      return;
    }
    IrqConnection irq;
    try {
      irq = new IrqConnection(env, PitTimeSource.IRQ_LINE);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("IRQ " + PitTimeSource.IRQ_LINE + " of the PIT refused: " + describe(e));
      ports.close();
      env.parentInterface().exit(1);
      return;
    }
    TimerService service = new TimerService(env.pd(), env.ep(), env.cpu(), ports, irq);
    env.parentInterface().announce(TimerSession.SERVICE_NAME, env.ep().manage(Root.class, new TimerRoot(service, log)));
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
