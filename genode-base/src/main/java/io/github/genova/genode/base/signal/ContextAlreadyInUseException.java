package io.github.genova.genode.base.signal;

/** Thrown when a signal context is managed while it is already managed (Genode's classic behaviour). */
public final class ContextAlreadyInUseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public ContextAlreadyInUseException() {
    super("signal context already in use");
  }
}
