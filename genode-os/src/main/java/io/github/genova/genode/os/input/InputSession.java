package io.github.genova.genode.os.input;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;

/**
 * An Input session (service {@value #SERVICE_NAME}, Genode's classic {@code Input::Session}): the server
 * queues the events of its devices; {@link #flush()} copies the queued events, oldest first, into the
 * session's event dataspace ({@link #dataspace()}, room for {@link #MAX_EVENTS} events in the layout of
 * {@link InputEvent}) and removes them from the queue. Opcodes are stable: 0 {@code dataspace}, 1 {@code
 * is_pending}, 2 {@code flush}.
 */
public interface InputSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "Input";
  /** How many events one flush copies at most: the event dataspace holds this many. */
  int MAX_EVENTS = 512;
  /** The size of the event dataspace in bytes (whole pages). */
  long DATASPACE_SIZE = (long) MAX_EVENTS * InputEvent.SIZE;

  /** Returns the RAM dataspace the server copies events into; the client attaches it read-only. */
  @RpcFunction(0)
  Capability<Dataspace> dataspace();

  /** Returns whether events are queued. */
  @RpcFunction(1)
  boolean isPending();

  /**
   * Copies up to {@link #MAX_EVENTS} queued events into the event dataspace, from its start, removes them
   * from the queue and returns how many it copied (0 when none was queued).
   */
  @RpcFunction(2)
  int flush();
}
