package io.github.genova.examples.display;

import org.jspecify.annotations.Nullable;

/**
 * The host cannot show a window after all: AWT is headless, or the display server it was pointed at does not
 * answer. The run can go on without one.
 */
public final class WindowUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Says why, with the error AWT gave. */
  public WindowUnavailableException(@Nullable String why, Throwable cause) {
    super(why == null ? cause.getClass().getName() : why, cause);
  }
}
