package io.github.genova.platform.firmware;

/**
 * A real-mode BIOS call that did not return where it was called from, or did not end within its
 * instruction budget; the message names the call and where the CPU stopped.
 */
public final class BiosCallFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the failure with {@code message} saying what failed and how. */
  public BiosCallFailure(String message) {
    super(message);
  }
}
