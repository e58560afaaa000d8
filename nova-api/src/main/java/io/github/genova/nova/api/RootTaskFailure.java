package io.github.genova.nova.api;

import org.jspecify.annotations.Nullable;

/** Thrown to the embedder when a kernel's root task threw or did not finish in time. */
public final class RootTaskFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the failure with a message and the root task's exception, if any. */
  public RootTaskFailure(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
