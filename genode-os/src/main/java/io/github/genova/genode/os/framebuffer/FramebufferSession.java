package io.github.genova.genode.os.framebuffer;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;

/**
 * A Framebuffer session (service {@value #SERVICE_NAME}, Genode's classic {@code Framebuffer::Session}): a
 * dataspace holding the picture in the session's {@link #mode()}, which the client draws into, and {@link
 * #refresh} telling the server which rectangle changed. A server drawing straight to the device (a linear
 * framebuffer) needs no refresh; one with a back buffer copies the rectangle then. Opcodes are stable: 0
 * {@code dataspace}, 1 {@code mode}, 2 {@code refresh}.
 */
public interface FramebufferSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "Framebuffer";

  /** Returns the dataspace of the picture: {@link Mode#bytes()} at least, row after row from offset 0. */
  @RpcFunction(0)
  Capability<Dataspace> dataspace();

  /** Returns the picture's geometry and pixel format. */
  @RpcFunction(1)
  Mode mode();

  /**
   * Tells the server that the rectangle at ({@code x}, {@code y}) of {@code w × h} pixels changed; the part
   * outside the picture is ignored.
   */
  @RpcFunction(2)
  void refresh(int x, int y, int w, int h);
}
