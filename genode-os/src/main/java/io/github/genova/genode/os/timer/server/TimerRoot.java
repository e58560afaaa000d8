package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionArgsException;

/**
 * The root of the Timer service as the driver announces it to its parent: creates sessions of the {@link
 * TimerService} for the requests the parent routes here (refusing a donation that does not cover {@link
 * TimerService#SESSION_RAM} and {@link TimerService#SESSION_CAPS}), and closes them. An upgrade is accepted
 * and kept: a session's needs do not grow.
 */
public final class TimerRoot implements Root {
  private final TimerService service;
  private final Log log;

  /** Creates the root of {@code service}'s sessions; refused requests are reported to {@code log}. */
  public TimerRoot(TimerService service, Log log) {
    this.service = service;
    this.log = log;
  }

  @Override
  public Capability<Object> session(String args) throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    try {
      return service.session(SessionArgs.parse(args)).cast();
    } catch (SessionArgsException e) {
      log.warning("Timer session: malformed arguments: " + e.getMessage());
      throw new ServiceDenied("malformed Timer session arguments: " + e.getMessage());
    }
  }

  @Override
  public void upgrade(Capability<Object> session, String args) {}

  @Override
  public void close(Capability<Object> session) {
    service.close(session.cast());
  }
}
