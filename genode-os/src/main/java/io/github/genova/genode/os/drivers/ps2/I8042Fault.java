package io.github.genova.genode.os.drivers.ps2;

/**
 * The i8042 or a device behind it did not behave as the driver requires: a failed self-test or interface
 * test, a command that was not acknowledged, or a reply that did not come. The message says which and what
 * was read.
 */
public final class I8042Fault extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the fault with {@code message}. */
  public I8042Fault(String message) {
    super(message);
  }
}
