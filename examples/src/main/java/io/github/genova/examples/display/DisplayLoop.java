package io.github.genova.examples.display;

import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.nova.impl.NovaKernel;
import io.github.genova.platform.pc.StandardPc;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The body of a scenario run that someone watches and plays: step by step of {@link #STEP} of virtual time,
 * paced to the wall clock, it applies the user's input from the {@link InputQueue} to the standard PC's
 * i8042 and, every {@link #FRAME_INTERVAL} of wall time, shows the VGA's picture on the {@link Display} if
 * it changed. It is the only code that touches the machine while the system runs, and it runs until the
 * queue is closed (the user closed the window) or until {@code wallLimit} of wall time has passed since it
 * was made.
 */
public final class DisplayLoop implements Consumer<ScenarioRun> {
  /** The virtual time one step of the loop lets pass. */
  public static final Duration STEP = Duration.ofMillis(10);
  /** How often, in wall time, the picture is looked at: 30 times a second. */
  public static final Duration FRAME_INTERVAL = Duration.ofNanos(1_000_000_000L / 30);

  private final InputQueue input;
  private final Display display;
  private final Pacer pacer;
  private final long wallDeadline;
  private final @Nullable Consumer<String> recording;
  private volatile boolean reachedWallLimit;
  private volatile @Nullable Frame lastScreen;

  /**
   * Makes the body for a run shown on {@code display}, with the user's input from {@code input}, paced by
   * {@code pacer}, that ends at the latest {@code wallLimit} of the pacer's wall time from now.
   */
  public DisplayLoop(InputQueue input, Display display, Pacer pacer, Duration wallLimit) {
    this(input, display, pacer, wallLimit, null);
  }

  /**
   * Makes the body as {@link #DisplayLoop(InputQueue, Display, Pacer, Duration)} does, writing what the user
   * does to the machine to {@code recording} as the lines of an {@link InputRecording}, its end line last.
   */
  public DisplayLoop(InputQueue input, Display display, Pacer pacer, Duration wallLimit,
      @Nullable Consumer<String> recording) {
    this.input = input;
    this.display = display;
    this.pacer = pacer;
    this.wallDeadline = pacer.wallNanos() + wallLimit.toNanos();
    this.recording = recording;
  }

  @Override
  public void accept(ScenarioRun run) {
    StandardPc pc = standardPc(run);
    InputTarget machine = InputTarget.of(pc.keyboardController());
    Consumer<String> lines = recording;
    InputTarget devices = lines == null ? machine
        : InputRecording.recorder(machine, () -> run.virtualTime().toNanos(), lines);
    try {
      play(run, pc, devices);
    } finally {
      lastScreen = Frame.of(pc.vga());
      if (lines != null) {
        lines.accept(InputRecording.endLine(run.virtualTime().toNanos()));
      }
    }
  }

  /**
   * Returns the standard PC {@code run} runs on.
   *
   * @throws IllegalStateException if the run's kernel is not nova-impl's, which has a machine behind it
   */
  static StandardPc standardPc(ScenarioRun run) {
    if (!(run.kernel() instanceof NovaKernel kernel)) {
      throw new IllegalStateException("the machine behind nova-impl's kernel is needed, not "
          + run.kernel().getClass().getName());
    }
    return StandardPc.of(kernel.machine());
  }

  private void play(ScenarioRun run, StandardPc pc, InputTarget devices) {
    pacer.start(run.virtualTime().toNanos());
    long nextFrame = pacer.wallNanos();
    @Nullable Frame shown = null;
    while (!input.isClosed()) {
      long now = pacer.wallNanos();
      if (now - wallDeadline >= 0) {
        reachedWallLimit = true;
        return;
      }
      if (now - nextFrame >= 0) {
        Frame frame = Frame.of(pc.vga());
        if (shown == null || !frame.samePicture(shown)) {
          display.show(frame);
          shown = frame;
        }
        nextFrame = now + FRAME_INTERVAL.toNanos();
      }
      input.applyStep(devices);
      run.sleep(STEP);
      pacer.pace(run.virtualTime().toNanos());
    }
  }

  /** Returns the picture the machine showed when the loop ended, or null before. */
  public @Nullable Frame lastScreen() {
    return lastScreen;
  }

  /** Returns whether the run ended because its wall-time limit had passed (rather than the user leaving). */
  public boolean reachedWallLimit() {
    return reachedWallLimit;
  }
}
