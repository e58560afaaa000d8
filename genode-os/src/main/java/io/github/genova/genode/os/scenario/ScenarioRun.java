package io.github.genova.genode.os.scenario;

import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.nova.api.Kernel;
import io.github.genova.nova.api.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One run of a {@link Scenario}: the console (every line core and the LOG sessions print, in order) and
 * waiting for lines in virtual time. The waiting methods are called from the run's body, in core's root
 * task; the log may be read from anywhere, also after the run.
 */
public final class ScenarioRun {
  /** How many of the last lines a timeout shows. */
  public static final int TAIL_LINES = 30;
  private static final long POLL_MICROS = 1000;

  private final Kernel kernel;
  private final Consumer<String> echo;
  private final List<String> console = new ArrayList<>();

  ScenarioRun(Kernel kernel, Consumer<String> echo) {
    this.kernel = kernel;
    this.echo = echo;
  }

  synchronized void append(String line) {
    console.add(line);
    echo.accept(line);
  }

  /**
   * Returns the kernel the scenario runs on, for tests that look at the machine behind it (the display, a
   * device's registers) while the system runs or after it stopped, or play the user at its devices (press
   * keys, move the mouse) while it runs.
   */
  public Kernel kernel() {
    return kernel;
  }

  /** Returns every console line so far, in order. */
  public synchronized List<String> log() {
    return List.copyOf(console);
  }

  /** Returns whether the console shows {@code line} (whole-line match). */
  public synchronized boolean logContains(String line) {
    return console.contains(line);
  }

  /**
   * Waits until the console shows {@code line}, letting up to {@code virtualTimeout} of virtual time pass.
   *
   * @throws AssertionError naming the line and showing the log's last {@link #TAIL_LINES} lines on timeout
   */
  public void awaitLog(String line, Duration virtualTimeout) {
    long deadline = kernel.nanos() + virtualTimeout.toNanos();
    while (!logContains(line)) {
      if (kernel.nanos() >= deadline) {
        throw new AssertionError("\"" + line + "\" did not appear within " + virtualTimeout
            + " of virtual time; the log ends with:\n  " + String.join("\n  ", tail()));
      }
      sleep(Duration.ofNanos(Math.min(POLL_MICROS * 1000, deadline - kernel.nanos())));
    }
  }

  /**
   * Returns the kernel's time since boot (virtual in deterministic mode); called from the run's body, while
   * the kernel runs.
   */
  public Duration virtualTime() {
    return Duration.ofNanos(kernel.nanos());
  }

  /** Lets {@code duration} of virtual time pass for the caller while the system runs. */
  public void sleep(Duration duration) {
    NativeThread me = NativeThread.current();
    long sm = me.pd().createSemaphore(0);
    try {
      Status s = me.gate().smDown(sm, false, kernel.nanos() + Math.max(1, duration.toNanos()));
      if (s != Status.TIMEOUT) {
        throw new IllegalStateException("sleep ended with " + s);
      }
    } finally {
      me.pd().revoke(sm);
      me.pd().selectors().free(sm);
    }
  }

  private synchronized List<String> tail() {
    return List.copyOf(console.subList(Math.max(0, console.size() - TAIL_LINES), console.size()));
  }
}
