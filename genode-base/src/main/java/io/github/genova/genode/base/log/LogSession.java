package io.github.genova.genode.base.log;

import io.github.genova.genode.base.rpc.Bound;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A LOG session (Genode's {@code Log_session}): the server prints each string as {@code [<label>] text},
 * the label being the session's, with a newline added if the text lacks one.
 */
public interface LogSession {
  /** The service name. */
  String SERVICE_NAME = "LOG";
  /** The longest string one call carries, in bytes including the terminating NUL (longer text is cut). */
  int STRING_BOUND = 256;

  /** Prints {@code text}. */
  @RpcFunction(0)
  void write(@Bound(STRING_BOUND) String text);
}
