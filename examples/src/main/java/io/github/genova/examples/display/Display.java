package io.github.genova.examples.display;

/**
 * Where a running scenario's screen is shown and its user's input comes from: a window on the host, or, in
 * tests, a stand-in. The run loop hands it each new picture; the display hands what the user does to the
 * {@link InputQueue} it was opened with, and closes that queue when the user is done (the window closed),
 * which ends the run.
 */
public interface Display {
  /** Shows {@code frame} (called from the run loop, at most about 30 times a second, only when it changed). */
  void show(Frame frame);

  /** Goes away: the run has ended. */
  void close();

  /** Opens displays. */
  @FunctionalInterface
  interface Opener {
    /**
     * Opens a display titled {@code title} that sends the user's input to {@code input}.
     *
     * @throws WindowUnavailableException if the host cannot show it after all (its display server does not
     *     answer, say)
     */
    Display open(String title, InputQueue input) throws WindowUnavailableException;
  }
}
