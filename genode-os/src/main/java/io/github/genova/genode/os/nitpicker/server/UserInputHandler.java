package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * The object on nitpicker's entrypoint that its input thread calls every poll period (as classic
 * nitpicker's main loop calls its own input handler by RPC), so that input handling and the sessions'
 * requests take turns on one entrypoint and never run at once. Opcode 0 {@code handle_input}.
 */
public interface UserInputHandler {
  /** Flushes the physical input, routes it to the sessions and redraws what changed. */
  @RpcFunction(0)
  void handleInput();
}
