package io.github.genova.genode.os.input.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.input.InputSession;

/**
 * One Input session at the server: a RAM dataspace of {@link InputSession#DATASPACE_SIZE} bytes, attached
 * writeable in the server's address space, into which {@link #flush()} copies events taken from the
 * driver's {@link EventQueue}. The session's functions run on the server's entrypoint, whose thread writes
 * the dataspace through its memory view.
 */
public final class InputSessionComponent implements InputSession {
  private final Env env;
  private final EventQueue queue;
  private final Capability<Dataspace> dataspace;
  private final long at;
  private final byte[] staging = new byte[InputSession.MAX_EVENTS * InputEvent.SIZE];

  /**
   * Creates the session on {@code queue}, its event dataspace {@code dataspace} attached at {@code at} of
   * {@code env}'s address space.
   */
  public InputSessionComponent(Env env, EventQueue queue, Capability<Dataspace> dataspace, long at) {
    this.env = env;
    this.queue = queue;
    this.dataspace = dataspace;
    this.at = at;
  }

  @Override
  public Capability<Dataspace> dataspace() {
    return dataspace;
  }

  @Override
  public boolean isPending() {
    return queue.isPending();
  }

  @Override
  public int flush() {
    int n = queue.take(staging, InputSession.MAX_EVENTS);
    env.memory().write(at, staging, 0, n * InputEvent.SIZE);
    return n;
  }

  /** Returns where the event dataspace is attached in the server. */
  long attachedAt() {
    return at;
  }
}
