package io.github.genova.genode.os.timer;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.signal.SignalTarget;

/**
 * A Timer session (service {@value #SERVICE_NAME}): one timeout per session, one-shot or periodic, that
 * signals the context installed with {@link #sigh}, and the time elapsed since the session was opened.
 * Sessions are independent: one session's triggers never affect another's.
 *
 * <p>Every function returns at once; the blocking {@code msleep}/{@code usleep} live on the client side
 * ({@link TimerConnection}), built on a trigger and a signal, so a single entrypoint serves every session
 * and no client's sleep holds up another (classic Genode needed an entrypoint per session because its
 * {@code msleep} blocked in the server). Opcodes are stable: 0 {@code trigger_once}, 1 {@code
 * trigger_periodic}, 2 {@code sigh}, 3 {@code elapsed_ms}, 4 {@code elapsed_us}.
 */
public interface TimerSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "Timer";

  /**
   * Signals the session's context once, {@code us} µs from now (at the earliest after the driver's minimum
   * granularity); replaces a pending trigger of this session. A negative value is refused with a warning.
   */
  @RpcFunction(0)
  void triggerOnce(long us);

  /**
   * Signals the session's context every {@code us} µs from now on, without drift; replaces a pending trigger
   * of this session. {@code 0} stops the periodic trigger; a negative value is refused with a warning.
   */
  @RpcFunction(1)
  void triggerPeriodic(long us);

  /** Installs the signal context the session's triggers signal (the invalid capability: none). */
  @RpcFunction(2)
  void sigh(Capability<SignalTarget> context);

  /** Returns the milliseconds elapsed since the session was opened. */
  @RpcFunction(3)
  long elapsedMs();

  /** Returns the microseconds elapsed since the session was opened. */
  @RpcFunction(4)
  long elapsedUs();
}
