package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.nova.NativePd;
import io.github.genova.genode.base.signal.SignalTarget;
import io.github.genova.genode.base.signal.SignalTransmitter;
import io.github.genova.genode.os.timer.TimerSession;
import org.jspecify.annotations.Nullable;

/**
 * One Timer session at the server: its own {@link Timeout} in the shared scheduler, the signal context its
 * client installed, and the time the session was opened (its elapsed time counts from there). Triggers
 * that expire while no context is installed are dropped.
 *
 * <p>A context capability arrives delegated into the timer's PD; the session releases it when it is
 * replaced or the session closes. (So clients live in other PDs than the timer, as Genode's timer is a
 * component of its own: a client in the timer's own PD would see its own selector released.)
 */
public final class TimerSessionComponent implements TimerSession {
  private final TimeoutScheduler scheduler;
  private final NativePd pd;
  private final Log log;
  private final long openedUs;
  private final Timeout timeout = new Timeout(this::expired);
  private volatile @Nullable SignalTransmitter sigh;

  /** Opens a session on {@code scheduler}; its capabilities live in {@code pd}, its warnings go to {@code log}. */
  public TimerSessionComponent(TimeoutScheduler scheduler, NativePd pd, Log log) {
    this.scheduler = scheduler;
    this.pd = pd;
    this.log = log;
    this.openedUs = scheduler.currentTimeUs();
  }

  @Override
  public void triggerOnce(long us) {
    if (us < 0) {
      log.warning("trigger_once refused: negative timeout " + us + " us");
      return;
    }
    scheduler.schedule(timeout, us, false);
  }

  @Override
  public void triggerPeriodic(long us) {
    if (us < 0) {
      log.warning("trigger_periodic refused: negative period " + us + " us");
      return;
    }
    if (us == 0) {
      scheduler.discard(timeout);
      return;
    }
    scheduler.schedule(timeout, us, true);
  }

  @Override
  public void sigh(Capability<SignalTarget> context) {
    SignalTransmitter old = sigh;
    sigh = context.valid() ? new SignalTransmitter(context) : null;
    if (old != null && !old.context().equals(context)) {
      pd.release(old.context());
    }
  }

  @Override
  public long elapsedMs() {
    return elapsedUs() / 1000;
  }

  @Override
  public long elapsedUs() {
    return scheduler.currentTimeUs() - openedUs;
  }

  private void expired(int count) {
    SignalTransmitter tx = sigh;
    if (tx != null) {
      tx.submit(count);
    }
  }

  /** Ends the session: its timeout is discarded and its signal context capability released. */
  void destroy() {
    scheduler.discard(timeout);
    SignalTransmitter old = sigh;
    sigh = null;
    if (old != null) {
      pd.release(old.context());
    }
  }
}
