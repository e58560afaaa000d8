package io.github.genova.examples.display;

import io.github.genova.genode.os.scenario.ScenarioRun;
import io.github.genova.platform.pc.StandardPc;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The body of a run that plays a recorded user ({@link InputRecording.Script}) back, headless: it steps
 * through virtual time as {@link DisplayLoop} does, {@link DisplayLoop#STEP} at a time, sends each action
 * at the step of its recorded time, runs until the recording's end and keeps the picture the machine shows
 * then. On the same scenario it is the recorded run again, without the wall clock.
 */
public final class Replay implements Consumer<ScenarioRun> {
  private final InputRecording.Script script;
  private @Nullable Frame screen;
  private int late;

  /** Makes the body that plays {@code script} back. */
  public Replay(InputRecording.Script script) {
    this.script = script;
  }

  @Override
  public void accept(ScenarioRun run) {
    StandardPc pc = DisplayLoop.standardPc(run);
    InputTarget devices = InputTarget.of(pc.keyboardController());
    int next = 0;
    while (true) {
      long now = run.virtualTime().toNanos();
      while (next < script.actions().size() && script.actions().get(next).nanos() <= now) {
        InputRecording.Action action = script.actions().get(next++);
        if (action.nanos() < now) {
          late++;
        }
        action.applyTo(devices);
      }
      if (now >= script.endNanos()) {
        break;
      }
      run.sleep(DisplayLoop.STEP);
    }
    screen = Frame.of(pc.vga());
  }

  /** Returns the picture at the recording's end, after {@link #accept}. */
  public Frame screen() {
    Frame s = screen;
    if (s == null) {
      throw new IllegalStateException("the replay has not run");
    }
    return s;
  }

  /**
   * Returns how many actions could not be sent at their recorded time but only at a later step (0 when the
   * run followed the recorded one step for step).
   */
  public int late() {
    return late;
  }
}
