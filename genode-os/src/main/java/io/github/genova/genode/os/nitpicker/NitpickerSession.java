package io.github.genova.genode.os.nitpicker;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.input.InputSession;

/**
 * A Nitpicker session (service {@value #SERVICE_NAME}, Genode's classic {@code Nitpicker::Session}): the
 * client's own pixel buffer, served as a Framebuffer session of {@code fb_width × fb_height} RGB565 pixels
 * (session arguments; the screen's width × height minus the menubar when absent), an Input session that
 * delivers what nitpicker routes to this client, and views: rectangles of the screen that show a part of the
 * buffer. A client whose {@code ram_quota} does not cover its buffer is refused with {@code
 * InsufficientRamQuota}. Opcodes are stable: 0 {@code framebuffer_session}, 1 {@code input_session}, 2
 * {@code create_view}, 3 {@code destroy_view}, 4 {@code background}.
 */
public interface NitpickerSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "Nitpicker";
  /** The session argument of the buffer's width. */
  String FB_WIDTH = "fb_width";
  /** The session argument of the buffer's height. */
  String FB_HEIGHT = "fb_height";
  /**
   * The session argument that keeps the session's views above every view of sessions without it (for
   * pointers and status bars); a boolean, default no.
   */
  String STAY_TOP = "stay_top";

  /** Returns the Framebuffer session of the client's buffer (its dataspace is the buffer). */
  @RpcFunction(0)
  Capability<FramebufferSession> framebufferSession();

  /** Returns the Input session of the events nitpicker routes to this client. */
  @RpcFunction(1)
  Capability<InputSession> inputSession();

  /** Creates a view of the buffer, empty and invisible until its {@link View#viewport} is set. */
  @RpcFunction(2)
  Capability<View> createView();

  /** Destroys {@code view}, a view of this session; any other capability is ignored. */
  @RpcFunction(3)
  void destroyView(Capability<View> view);

  /**
   * Makes {@code view}, a view of this session, the background: drawn behind every other view. Returns 0,
   * or -1 if {@code view} is no view of this session.
   */
  @RpcFunction(4)
  int background(Capability<View> view);
}
