package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.gfx.Rect;

/**
 * The Framebuffer session of a Nitpicker client: its own buffer, a RAM dataspace nitpicker allocated for
 * it; {@link #refresh} redraws the parts of the screen where the client's views show the changed rectangle.
 */
final class ClientFramebuffer implements FramebufferSession {
  private final NitpickerSessionComponent session;
  private final Capability<Dataspace> buffer;
  private final Mode mode;

  ClientFramebuffer(NitpickerSessionComponent session, Capability<Dataspace> buffer, Mode mode) {
    this.session = session;
    this.buffer = buffer;
    this.mode = mode;
  }

  @Override
  public Capability<Dataspace> dataspace() {
    return buffer;
  }

  @Override
  public Mode mode() {
    return mode;
  }

  @Override
  public void refresh(int x, int y, int w, int h) {
    session.refreshBuffer(new Rect(x, y, w, h));
  }
}
