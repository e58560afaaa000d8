package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;

/**
 * A Framebuffer session of {@code vesa_drv}: the linear framebuffer itself, the IO_MEM dataspace the driver
 * obtained for the mode it set. The client draws to the device directly, so {@link #refresh} has nothing to
 * copy (Genode's unbuffered {@code vesa_drv}).
 */
final class VesaFramebuffer implements FramebufferSession {
  private final Capability<Dataspace> framebuffer;
  private final Mode mode;

  VesaFramebuffer(Capability<Dataspace> framebuffer, Mode mode) {
    this.framebuffer = framebuffer;
    this.mode = mode;
  }

  @Override
  public Capability<Dataspace> dataspace() {
    return framebuffer;
  }

  @Override
  public Mode mode() {
    return mode;
  }

  @Override
  public void refresh(int x, int y, int w, int h) {
    // The picture is the device's memory: what the client wrote is on screen already.
  }
}
