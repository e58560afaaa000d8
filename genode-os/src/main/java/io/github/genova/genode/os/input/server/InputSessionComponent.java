package io.github.genova.genode.os.input.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.input.InputSession;

/**
 * One Input session at the server: a RAM dataspace of {@link InputSession#DATASPACE_SIZE} bytes, attached
 * writeable in the server's address space, into which {@link #flush()} copies events taken from the
 * driver's {@link EventQueue}. The session's functions run on the server's entrypoint, whose thread writes
 * the dataspace through its memory view.
 */
public final class InputSessionComponent implements InputSession {
  private final EventQueue queue;
  private final AttachedRamDataspace events;
  private final byte[] staging = new byte[InputSession.MAX_EVENTS * InputEvent.SIZE];

  /** Creates the session on {@code queue}, its events written to {@code events}, which the session owns. */
  public InputSessionComponent(EventQueue queue, AttachedRamDataspace events) {
    this.queue = queue;
    this.events = events;
  }

  @Override
  public Capability<Dataspace> dataspace() {
    return events.dataspace();
  }

  @Override
  public boolean isPending() {
    return queue.isPending();
  }

  @Override
  public int flush() {
    int n = queue.take(staging, InputSession.MAX_EVENTS);
    events.write(0, staging, 0, n * InputEvent.SIZE);
    return n;
  }

  /** Detaches and frees the event dataspace; called once the session is no longer served. */
  public void destroy() {
    events.close();
  }
}
