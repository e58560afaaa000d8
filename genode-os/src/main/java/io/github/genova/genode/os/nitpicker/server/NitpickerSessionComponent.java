package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.os.framebuffer.FramebufferSession;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.input.InputEvent;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.input.server.EventQueue;
import io.github.genova.genode.os.input.server.InputSessionComponent;
import io.github.genova.genode.os.nitpicker.NitpickerSession;
import io.github.genova.genode.os.nitpicker.View;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Nitpicker session at the server: the client's label and colour (X-ray mode shows it), its buffer
 * (a RAM dataspace of nitpicker's, attached in its address space) served as a {@link ClientFramebuffer}, the queue of
 * events nitpicker routes to it served as an Input session, and its views. A session that was locked out
 * in kill mode shows no view and gets no input any more. Its functions run on nitpicker's entrypoint.
 */
final class NitpickerSessionComponent implements NitpickerSession {
  private final Env env;
  private final ViewStack stack;
  private final String label;
  private final int colour;
  private final Mode mode;
  private final AttachedRamDataspace buffer;
  private final EventQueue events = new EventQueue();
  private final ClientFramebuffer framebuffer;
  private final InputSessionComponent input;
  private final Capability<FramebufferSession> framebufferCap;
  private final Capability<InputSession> inputCap;
  private final List<ViewComponent> views = new ArrayList<>();
  private boolean lockedOut;
  /** Whether the session's views stay above those of sessions without {@code stay_top}. */
  private final boolean stayTop;

  NitpickerSessionComponent(Env env, ViewStack stack, String label, int colour, Mode mode, boolean stayTop,
      AttachedRamDataspace buffer, AttachedRamDataspace eventDataspace) {
    this.env = env;
    this.stayTop = stayTop;
    this.stack = stack;
    this.label = label;
    this.colour = colour;
    this.mode = mode;
    this.buffer = buffer;
    this.framebuffer = new ClientFramebuffer(this, buffer.dataspace(), mode);
    this.input = new InputSessionComponent(events, eventDataspace);
    this.framebufferCap = env.ep().manage(FramebufferSession.class, framebuffer);
    this.inputCap = env.ep().manage(InputSession.class, input);
  }

  /** Returns whether the session's views stay above those of sessions without {@code stay_top}. */
  boolean staysOnTop() {
    return stayTop;
  }

  @Override
  public Capability<FramebufferSession> framebufferSession() {
    return framebufferCap;
  }

  @Override
  public Capability<InputSession> inputSession() {
    return inputCap;
  }

  @Override
  public Capability<View> createView() {
    ViewComponent view = new ViewComponent(this, stack);
    views.add(view);
    stack.add(view);
    return env.ep().manage(View.class, view);
  }

  @Override
  public void destroyView(Capability<View> view) {
    ViewComponent v = lookUpView(view);
    if (v == null) {
      env.ep().discardArgument(view);
      return;
    }
    destroy(v);
    stack.flush();
  }

  @Override
  public int background(Capability<View> view) {
    ViewComponent v = lookUpView(view);
    if (v == null) {
      env.ep().discardArgument(view);
      return -1;
    }
    stack.background(v);
    stack.flush();
    return 0;
  }

  /** Returns this session's view {@code cap} names, or null. */
  @Nullable ViewComponent lookUpView(Capability<View> cap) {
    ViewComponent v = env.ep().apply(cap, ViewComponent.class);
    return v != null && v.session() == this ? v : null;
  }

  private void destroy(ViewComponent view) {
    stack.remove(view);
    views.remove(view);
    env.ep().dissolve(view);
  }

  /** Redraws where the views show the buffer's rectangle {@code r} (buffer coordinates). */
  void refreshBuffer(Rect r) {
    Rect inBuffer = r.intersect(new Rect(0, 0, mode.width(), mode.height()));
    for (ViewComponent v : views) {
      stack.invalidate(inBuffer.translate(v.bufferOriginX(), v.bufferOriginY()).intersect(v.screenRect()));
    }
    stack.flush();
  }

  /** Queues {@code event} for the client, unless the session is locked out. */
  void deliver(InputEvent event) {
    if (!lockedOut) {
      events.accept(event);
    }
  }

  /** Hides the session's views and stops its input for good (kill mode). */
  void lockOut() {
    lockedOut = true;
    views.forEach(stack::invalidateView);
  }

  /** Returns whether the session was locked out. */
  boolean lockedOut() {
    return lockedOut;
  }

  /** Returns the session's label. */
  String label() {
    return label;
  }

  /** Returns the session's RGB565 colour. */
  int colour() {
    return colour;
  }

  /** Returns the buffer's geometry. */
  Mode mode() {
    return mode;
  }

  /** Returns where the buffer is attached in nitpicker's address space. */
  long bufferAt() {
    return buffer.address();
  }

  /** Destroys the views and the framebuffer and input objects, and returns the RAM; the session is gone. */
  void destruct() {
    for (ViewComponent v : List.copyOf(views)) {
      destroy(v);
    }
    env.ep().dissolve(framebuffer);
    env.ep().dissolve(input);
    input.destroy();
    buffer.close();
  }
}
