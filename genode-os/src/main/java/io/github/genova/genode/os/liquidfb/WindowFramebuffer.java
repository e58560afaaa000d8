package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;

/**
 * The Framebuffer session of liquid_fb's one client: its picture is the window's client buffer, allocated
 * by liquid_fb at start (the client donates only the session's state); {@link #mode()} reports the content
 * area's current size, which changes when the user resizes the window (the classic session has no mode
 * signal: a client learns of the change the next time it asks), and {@link #refresh} shows the rectangle in
 * the window. Served by liquid_fb's entrypoint.
 */
final class WindowFramebuffer implements FramebufferSession {
  private final LiquidWindow window;

  WindowFramebuffer(LiquidWindow window) {
    this.window = window;
  }

  @Override
  public Capability<Dataspace> dataspace() {
    return window.clientBuffer();
  }

  @Override
  public Mode mode() {
    return window.clientMode();
  }

  @Override
  public void refresh(int x, int y, int w, int h) {
    window.refreshClient(x, y, w, h);
  }
}
