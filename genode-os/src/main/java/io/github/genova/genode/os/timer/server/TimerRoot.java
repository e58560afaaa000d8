package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.root.RootComponent;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.timer.TimerSession;

/**
 * The root of the Timer service as the driver announces it to its parent: creates sessions of the {@link
 * TimerService} for the requests the parent routes here (refusing a donation that does not cover {@link
 * TimerService#SESSION_RAM} and {@link TimerService#SESSION_CAPS}), serves them at the service's
 * entrypoint, and closes them. An upgrade is accepted and kept: a session's needs do not grow.
 */
public final class TimerRoot extends RootComponent<TimerSession> {
  private final TimerService service;

  /** Creates the root of {@code service}'s sessions; refused requests are reported to {@code log}. */
  public TimerRoot(TimerService service, Log log) {
    super(service.ep(), TimerSession.class, TimerService.SESSION_RAM, TimerService.SESSION_CAPS, log);
    this.service = service;
  }

  @Override
  protected TimerSession createSession(SessionArgs args) {
    return service.createSession();
  }

  @Override
  protected void destroySession(TimerSession session) {
    if (session instanceof TimerSessionComponent component) {
      component.destroy();
    }
  }
}
