package io.github.genova.genode.os.test.timer;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.signal.SignalContext;
import io.github.genova.genode.base.signal.SignalReceiver;
import io.github.genova.genode.base.thread.Thread;
import io.github.genova.genode.os.timer.TimerConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Genode's timer test: registers a two-second one-shot timeout and waits for its signal ({@code timeout
 * fired}, refused as an error if it came early), then runs one sleeper thread per period in {@link
 * #PERIODS_MS}, each with its own Timer session sleeping its period over and over, while the main thread
 * sleeps ten times a tenth of a second ({@code wait i/10}); then every sleeper reports {@code timer
 * (period N ms) triggered K times -> slept M ms}. Success ends with {@code --- timer test finished ---} and
 * exit value 0; a failed check, or a Timer session refused, logs {@code Error: ...} and exits with 1.
 *
 * <p>{@link #TimerTest()} is Genode's {@code test-timer}: Timer connections through the parent, the exit
 * value to the parent. The other constructor lets a test stand in for both.
 */
public final class TimerTest implements Component {
  /** The sleepers' periods, in milliseconds. */
  public static final List<Long> PERIODS_MS = List.of(1L, 5L, 10L, 50L, 100L, 500L);

  /** Opens a Timer connection for a component, failing as opening a session at the parent fails. */
  @FunctionalInterface
  public interface Connector {
    /** Opens a Timer connection usable by the calling thread of {@code env}'s component. */
    TimerConnection connect(Env env)
        throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota;
  }

  private final Connector connector;
  private final ObjIntConsumer<Env> exit;

  /** Creates Genode's {@code test-timer}: Timer sessions through the parent, the exit value to the parent. */
  public TimerTest() {
    this(TimerConnection::new, (env, value) -> env.parentInterface().exit(value));
  }

  /**
   * Creates the test with stand-ins for the parent.
   *
   * @param connector opens a Timer connection for the calling thread's component
   * @param exit reports the component's exit value
   */
  public TimerTest(Connector connector, ObjIntConsumer<Env> exit) {
    this.connector = connector;
    this.exit = exit;
  }

  /** One periodic sleeper: its own session, sleeping its period until told to stop. */
  private final class Sleeper extends Thread {
    final long periodMs;
    final Env env;
    volatile boolean stop;
    long triggered;
    long sleptMs;
    @Nullable String refused;

    Sleeper(Env env, long periodMs) {
      super(env.pd(), "sleeper_" + periodMs, env.cpu());
      this.env = env;
      this.periodMs = periodMs;
    }

    @Override
    protected void entry() {
      try (TimerConnection timer = connector.connect(env)) {
        long start = timer.elapsedMs();
        while (!stop) {
          timer.msleep(periodMs);
          triggered++;
        }
        sleptMs = timer.elapsedMs() - start;
      } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
        refused = describe(e);
      }
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public void construct(Env env) {
    Log log = env.log();
    log.log("--- timer test ---");
    boolean ok = true;
    TimerConnection opened;
    try {
      opened = connector.connect(env);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      log.error("no Timer session: " + describe(e));
      exit.accept(env, 1);
      return;
    }
    try (TimerConnection timer = opened; SignalReceiver receiver = new SignalReceiver(env.pd(), env.cpu())) {
      log.log("register two-seconds timeout...");
      timer.sigh(receiver.manage(new SignalContext()));
      long start = timer.elapsedMs();
      timer.triggerOnce(2_000_000);
      receiver.waitForSignal();
      long waited = timer.elapsedMs() - start;
      if (waited < 2000) {
        log.error("two-seconds timeout fired after " + waited + " ms");
        ok = false;
      }
      log.log("timeout fired");

      List<Sleeper> sleepers = new ArrayList<>();
      for (long period : PERIODS_MS) {
        Sleeper s = new Sleeper(env, period);
        sleepers.add(s);
        s.start();
      }
      for (int i = 0; i < 10; i++) {
        log.log("wait " + i + "/10");
        timer.msleep(100);
      }
      for (Sleeper s : sleepers) {
        s.stop = true;
      }
      for (Sleeper s : sleepers) {
        s.join();
        if (s.refused != null) {
          log.error("sleeper of period " + s.periodMs + " ms got no Timer session: " + s.refused);
          ok = false;
          continue;
        }
        log.log("timer (period " + s.periodMs + " ms) triggered " + s.triggered + " times -> slept " + s.sleptMs
            + " ms");
        if (s.triggered < 1 || s.sleptMs < s.triggered * s.periodMs) {
          log.error("sleeper of period " + s.periodMs + " ms slept " + s.sleptMs + " ms for "
              + s.triggered + " periods");
          ok = false;
        }
      }
    }
    if (ok) {
      log.log("--- timer test finished ---");
    }
    exit.accept(env, ok ? 0 : 1);
  }
}
