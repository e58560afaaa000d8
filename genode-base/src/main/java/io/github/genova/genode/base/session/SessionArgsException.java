package io.github.genova.genode.base.session;

import org.jspecify.annotations.Nullable;

/**
 * A session-argument string that does not follow Genode's grammar, or an argument whose value has the
 * wrong form for how it is read. The message names the key (when one was read) and the character
 * position, e.g. {@code session argument "ram_quota" at position 10: malformed number "12Q"}. A server
 * answers it as Genode's {@code Invalid_args}.
 */
public final class SessionArgsException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String key;
  private final int position;

  /** Creates the exception about {@code key} (null before a key was read) at {@code position}. */
  public SessionArgsException(@Nullable String key, int position, String problem) {
    super((key == null ? "session arguments" : "session argument \"" + key + "\"")
        + (position >= 0 ? " at position " + position : "") + ": " + problem);
    this.key = key;
    this.position = position;
  }

  /** Returns the offending key, or null if the error came before any key. */
  public @Nullable String key() {
    return key;
  }

  /** Returns the 0-based character position of the error, or -1 when it is about a value read later. */
  public int position() {
    return position;
  }
}
