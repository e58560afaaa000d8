package io.github.genova.platform;

import java.io.IOException;
import java.io.OutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Where a device's output bytes go on the host (a serial line, a debug console): an optional
 * {@link OutputStream}, flushed after every byte so a prompt without a newline shows at once (wrap the
 * stream in a buffer where throughput matters more). A failing stream is dropped and its error kept, so a
 * closed pipe never disturbs the guest. Not thread-safe: the owning device serialises access.
 */
public final class HostOutput {
  private @Nullable OutputStream stream;
  private @Nullable IOException error;

  /** Creates an output that discards bytes until {@link #connect} is called. */
  public HostOutput() {}

  /** Sends bytes to {@code out} from now on (null: discard them) and forgets an earlier error. */
  public void connect(@Nullable OutputStream out) {
    this.stream = out;
    this.error = null;
  }

  /** Returns the error that made this output drop its stream, or null. */
  public @Nullable IOException error() {
    return error;
  }

  /** Writes and flushes byte {@code b}. */
  public void write(int b) {
    OutputStream out = stream;
    if (out == null) {
      return;
    }
    try {
      out.write(b);
      out.flush();
    } catch (IOException e) {
      error = e;
      stream = null;
    }
  }
}
