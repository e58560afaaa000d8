package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * An RPC object the {@link TargetServer} hands out through a {@link TargetSession}: the thing a forged,
 * stale or revoked capability must never reach. Every call that reaches it runs server code and is counted
 * ({@link TargetSession#dispatches()}).
 */
public interface Target {
  /** The opcode of {@link #poke()}, for raw calls that marshal the message by hand. */
  int POKE = 0;

  /** Counts the call at the server and returns the target's id (1, 2, ... in the order of creation). */
  @RpcFunction(POKE)
  long poke();
}
