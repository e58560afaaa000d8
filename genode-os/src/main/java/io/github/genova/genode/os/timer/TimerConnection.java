package io.github.genova.genode.os.timer;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.signal.SignalTarget;

/**
 * A client's Timer session: the session functions plus the blocking {@link #msleep}/{@link #usleep},
 * which Genode's {@code Timer::Connection} builds on the session — install the connection's own signal
 * context, trigger once, wait for its signal, then reinstall the custom handler, if any. A sleep therefore
 * replaces a one-shot or periodic trigger the client had pending on this connection.
 *
 * <p>One thread at a time uses a connection (a thread that sleeps while others trigger needs its own).
 * {@link #TimerConnection(Env)} opens the session through the component's parent, as Genode's {@code
 * Timer::Connection timer(env)} does; {@link #TimerConnection(Env, Capability, Runnable)} wraps a session
 * someone else opened (a test's stand-in parent).
 */
public final class TimerConnection implements AutoCloseable {
  /** RAM a client donates for a Timer session. */
  public static final long RAM_QUOTA = 10 * 1024;
  /** Capabilities a client donates for a Timer session. */
  public static final long CAP_QUOTA = 3;

  private final Capability<TimerSession> cap;
  private final TimerSession session;
  private final Runnable closeSession;
  private final SignalReceiver receiver;
  private final SignalContext sleepContext = new SignalContext();
  private final Capability<SignalTarget> sleepCap;
  private Capability<SignalTarget> customSigh = Capability.invalid();
  private boolean closed;

  /**
   * Opens a Timer session through the parent of {@code env}'s component, donating {@link #RAM_QUOTA} and
   * {@link #CAP_QUOTA}; {@link #close()} closes it there.
   *
   * @throws ServiceDenied if the parent finds no route to a Timer service or the server refuses
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public TimerConnection(Env env)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this(env, new Connection<>(env, TimerSession.class, TimerSession.SERVICE_NAME,
        SessionArgs.empty().with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA)));
  }

  private TimerConnection(Env env, Connection<TimerSession> connection) {
    this(env, connection.cap(), connection::close);
  }

  /**
   * Wraps the open session {@code cap} for the threads of {@code env}'s component.
   *
   * @param closeSession closes the session where it was opened
   */
  public TimerConnection(Env env, Capability<TimerSession> cap, Runnable closeSession) {
    this.cap = cap;
    this.session = RpcInterface.of(TimerSession.class).client(cap);
    this.closeSession = closeSession;
    this.receiver = new SignalReceiver(env.pd(), env.cpu());
    this.sleepCap = receiver.manage(sleepContext);
  }

  /** Returns the session capability. */
  public Capability<TimerSession> cap() {
    return cap;
  }

  /** See {@link TimerSession#triggerOnce}. */
  public void triggerOnce(long us) {
    session.triggerOnce(us);
  }

  /** See {@link TimerSession#triggerPeriodic}. */
  public void triggerPeriodic(long us) {
    session.triggerPeriodic(us);
  }

  /** Installs {@code context} as the signal handler of the session's triggers (see {@link TimerSession#sigh}). */
  public void sigh(Capability<SignalTarget> context) {
    customSigh = context;
    session.sigh(context);
  }

  /** See {@link TimerSession#elapsedMs}. */
  public long elapsedMs() {
    return session.elapsedMs();
  }

  /** See {@link TimerSession#elapsedUs}. */
  public long elapsedUs() {
    return session.elapsedUs();
  }

  /**
   * Blocks the calling thread for at least {@code ms} milliseconds.
   *
   * @throws IllegalArgumentException if {@code ms} is negative or its microseconds overflow
   */
  public void msleep(long ms) {
    if (ms < 0 || ms > Long.MAX_VALUE / 1000) {
      throw new IllegalArgumentException("msleep needs 0.." + Long.MAX_VALUE / 1000 + " ms: " + ms);
    }
    usleep(ms * 1000);
  }

  /**
   * Blocks the calling thread for at least {@code us} microseconds.
   *
   * @throws IllegalArgumentException if {@code us} is negative or too large to add to the elapsed time
   */
  public void usleep(long us) {
    if (us < 0 || us > Long.MAX_VALUE / 2) {
      throw new IllegalArgumentException("usleep needs 0.." + Long.MAX_VALUE / 2 + " us: " + us);
    }
    session.sigh(sleepCap);
    long end = session.elapsedUs() + us;
    session.triggerOnce(us);
    while (true) {
      receiver.waitForSignal(); // the sleep context is the receiver's only one
      long now = session.elapsedUs();
      if (now >= end) {
        break;
      }
      session.triggerOnce(end - now); // woken by a signal of an earlier trigger: sleep the rest
    }
    if (customSigh.valid()) {
      session.sigh(customSigh);
    }
  }

  /** Closes the session and the connection's signal receiver; further calls are not allowed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    closeSession.run();
    receiver.close();
  }
}
