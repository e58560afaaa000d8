package io.github.genova.genode.base.rpc;

import io.github.genova.genode.base.nova.Msgbuf;

/**
 * The server side of one RPC interface, generated once per interface: reads a call's arguments from the
 * entrypoint's message buffer, invokes the function on the object, and writes the reply (exception code,
 * INOUT arguments, return value).
 */
abstract class Dispatcher {
  /**
   * Dispatches one call.
   *
   * @param object the RPC object (implements the interface)
   * @param opcode the call's opcode
   * @param msg the entrypoint's message buffer, positioned at the first argument
   * @return the exception code of the reply ({@code INVALID_OPCODE} when no function has the opcode; then
   *     nothing is written)
   */
  abstract long dispatch(Object object, int opcode, Msgbuf msg);
}
