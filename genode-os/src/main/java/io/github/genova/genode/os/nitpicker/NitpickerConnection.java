package io.github.genova.genode.os.nitpicker;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.AttachedDataspace;
import io.github.genova.genode.base.env.Connection;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.rpc.RpcInterface;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.input.InputConnection;
import io.github.genova.genode.os.input.InputEvent;
import java.util.List;

/**
 * A client's Nitpicker session (Genode's classic {@code Nitpicker::Connection}): opened at the component's
 * parent for a buffer of {@code width × height} RGB565 pixels, donating the buffer's bytes plus {@link
 * #SESSION_OVERHEAD} unless told otherwise; the buffer is attached writeable to the component's address
 * space and the session's input is read through an {@link InputConnection}. The client draws with {@link
 * Env#memory()} at {@link #pixelAddress}, calls {@link #refresh}, and places views made by {@link
 * #createView()}. {@link #close()} detaches the buffer and closes the session.
 */
public final class NitpickerConnection implements AutoCloseable {
  /** RAM a client donates besides its buffer: the session's event dataspace and state. */
  public static final long SESSION_OVERHEAD = 32 * 1024;
  /** Capabilities a client donates: the session, its framebuffer, input, event dataspace and views. */
  public static final long CAP_QUOTA = 16;

  private final Connection<NitpickerSession> connection;
  private final NitpickerSession session;
  private final FramebufferSession framebuffer;
  private final Mode mode;
  private final AttachedDataspace buffer;
  private final InputConnection input;
  private boolean closed;

  /**
   * Opens a session for a {@code width × height} buffer, donating what it needs.
   *
   * @throws ServiceDenied if no route leads to a Nitpicker service, the server refuses, or the buffer cannot
   *     be attached
   * @throws OutOfRam if the component cannot donate the RAM
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if the server needs more RAM
   * @throws InsufficientCapQuota if the server needs more capabilities
   */
  public NitpickerConnection(Env env, int width, int height)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this(env, width, height, 2L * Math.max(0, width) * Math.max(0, height) + SESSION_OVERHEAD);
  }

  /**
   * Opens a session for a {@code width × height} buffer, donating {@code ramQuota} bytes.
   *
   * @throws ServiceDenied if no route leads to a Nitpicker service, the server refuses, or the buffer cannot
   *     be attached
   * @throws OutOfRam if the component cannot donate {@code ramQuota}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if {@code ramQuota} does not cover the buffer and the session
   * @throws InsufficientCapQuota if the server needs more capabilities
   */
  public NitpickerConnection(Env env, int width, int height, long ramQuota)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this(env, width, height, ramQuota, false);
  }

  /**
   * Opens a session for a {@code width × height} buffer, donating {@code ramQuota} bytes, whose views stay
   * above those of other sessions if {@code stayTop} ({@value NitpickerSession#STAY_TOP}).
   *
   * @throws ServiceDenied if no route leads to a Nitpicker service, the server refuses, or the buffer cannot
   *     be attached
   * @throws OutOfRam if the component cannot donate {@code ramQuota}
   * @throws OutOfCaps if the component cannot donate {@link #CAP_QUOTA}
   * @throws InsufficientRamQuota if {@code ramQuota} does not cover the buffer and the session
   * @throws InsufficientCapQuota if the server needs more capabilities
   */
  public NitpickerConnection(Env env, int width, int height, long ramQuota, boolean stayTop)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota {
    this.connection = new Connection<>(env, NitpickerSession.class, NitpickerSession.SERVICE_NAME,
        SessionArgs.empty().with(NitpickerSession.FB_WIDTH, width).with(NitpickerSession.FB_HEIGHT, height)
            .with(NitpickerSession.STAY_TOP, stayTop).with("ram_quota", ramQuota).with("cap_quota", CAP_QUOTA));
    this.session = connection.session();
    this.framebuffer = RpcInterface.of(FramebufferSession.class).client(session.framebufferSession());
    this.mode = framebuffer.mode();
    this.buffer = AttachedDataspace.ofSession(env, connection, framebuffer.dataspace(), true, "the nitpicker buffer");
    try {
      this.input = new InputConnection(env, session.inputSession(), () -> { });
    } catch (ServiceDenied e) {
      buffer.close();
      connection.close();
      throw e;
    }
  }

  /** Returns the buffer's geometry. */
  public Mode mode() {
    return mode;
  }

  /** Returns the address of the buffer's pixel ({@code x}, {@code y}) in the component's address space. */
  public long pixelAddress(int x, int y) {
    return buffer.address() + (long) y * mode.bytesPerRow() + (long) x * mode.format().bytesPerPixel();
  }

  /** Tells nitpicker that the buffer's rectangle at ({@code x}, {@code y}) of {@code w × h} changed. */
  public void refresh(int x, int y, int w, int h) {
    framebuffer.refresh(x, y, w, h);
  }

  /** Returns whether nitpicker has events queued for this client. */
  public boolean inputPending() {
    return input.isPending();
  }

  /** Returns the events nitpicker routed to this client since the last flush, oldest first. */
  public List<InputEvent> flushInput() {
    return input.flush();
  }

  /** See {@link NitpickerSession#createView()}. */
  public Capability<View> createView() {
    return session.createView();
  }

  /** Returns the client of view {@code view}. */
  public View view(Capability<View> view) {
    return RpcInterface.of(View.class).client(view);
  }

  /** Returns the session interface itself, for {@code destroy_view} and {@code background}. */
  public NitpickerSession session() {
    return session;
  }

  /** Detaches the buffer and the event dataspace and closes the session; closing twice has no effect. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    input.close();
    buffer.close();
    connection.close();
  }
}
