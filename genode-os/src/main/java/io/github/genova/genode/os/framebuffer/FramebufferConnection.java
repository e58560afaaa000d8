package io.github.genova.genode.os.framebuffer;

import io.github.genova.genode.base.env.AttachedDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;

/**
 * A client's Framebuffer session (Genode's {@code Framebuffer::Connection}): opened at the component's
 * parent, its dataspace attached to the component's address space, so the client draws with {@link
 * Env#memory()} at {@link #address()} and then calls {@link #refresh}. {@link #close()} detaches the
 * picture and closes the session.
 */
public final class FramebufferConnection implements AutoCloseable {
  /** RAM a client donates for a Framebuffer session. */
  public static final long RAM_QUOTA = 8 * 1024;
  /** Capabilities a client donates for a Framebuffer session. */
  public static final long CAP_QUOTA = 3;

  private final Connection<FramebufferSession> connection;
  private final FramebufferSession session;
  private final Mode mode;
  private final AttachedDataspace picture;
  private boolean closed;

  /**
   * Opens the session and attaches its picture.
   *
   * @throws ServiceDenied if no route leads to a Framebuffer service, the server refuses, or the picture
   *     cannot be attached
   * @throws OutOfRam if the component cannot donate {@link #RAM_QUOTA}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM than {@link #RAM_QUOTA}
   * @throws InsufficientCapQuota if the server needs more capabilities than {@link #CAP_QUOTA}
   */
  public FramebufferConnection(Env env)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, FramebufferSession.class, FramebufferSession.SERVICE_NAME,
        SessionArgs.empty().with("ram_quota", RAM_QUOTA).with("cap_quota", CAP_QUOTA));
    this.session = connection.session();
    this.mode = session.mode();
    this.picture = AttachedDataspace.ofSession(env, connection, session.dataspace(), true, "the framebuffer");
  }

  /** Returns the picture's geometry, as the server reported it when the session opened. */
  public Mode mode() {
    return mode;
  }

  /** Returns where the picture lies in the component's address space (pixel (0, 0)). */
  public long address() {
    return picture.address();
  }

  /** Returns the address of pixel ({@code x}, {@code y}). */
  public long pixelAddress(int x, int y) {
    return picture.address() + (long) y * mode.bytesPerRow() + (long) x * mode.format().bytesPerPixel();
  }

  /** See {@link FramebufferSession#refresh}. */
  public void refresh(int x, int y, int w, int h) {
    session.refresh(x, y, w, h);
  }

  /** Detaches the picture and closes the session; closing twice has no effect. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    picture.close();
    connection.close();
  }
}
