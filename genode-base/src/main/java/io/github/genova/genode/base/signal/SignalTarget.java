package io.github.genova.genode.base.signal;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * The RPC interface behind a signal-context capability: what a {@link SignalTransmitter} invokes. Served
 * by the receiver's signal entrypoint, whose dispatch only counts and queues, so a submit never waits for
 * the receiver.
 */
public interface SignalTarget {
  /** Adds {@code count} to the context's pending count; queues the context if it was not pending. */
  @RpcFunction(0)
  void submit(int count);
}
