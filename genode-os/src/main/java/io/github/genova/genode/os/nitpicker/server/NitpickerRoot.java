package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.env.AttachedRamDataspace;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.CapQuota;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.RamQuota;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.Session;
import io.github.genova.genode.base.session.SessionArgs;
import io.github.genova.genode.base.session.SessionArgsException;
import io.github.genova.genode.os.framebuffer.Mode;
import io.github.genova.genode.os.framebuffer.PixelFormat;
import io.github.genova.genode.os.gfx.Rect;
import io.github.genova.genode.os.gfx.Rgb565;
import io.github.genova.genode.os.input.InputSession;
import io.github.genova.genode.os.nitpicker.NitpickerSession;

/**
 * The root of nitpicker's {@value NitpickerSession#SERVICE_NAME} service: creates a session per request
 * with a buffer of {@code fb_width × fb_height} RGB565 pixels (default: the screen minus the menubar) and
 * an event dataspace, refusing a {@code ram_quota} that does not cover the buffer plus {@link
 * #SESSION_RAM} with {@link InsufficientRamQuota} and an error in the log naming both amounts; closes
 * sessions, taking their views off the screen and freeing their memory. Each session gets a colour of its
 * own for X-ray mode. Runs on nitpicker's entrypoint.
 *
 * <p>The buffer is allocated from nitpicker's own RAM, which the donation is checked against but not moved
 * into (our PD service has no {@code transfer_quota}); give nitpicker RAM for its clients' buffers.
 */
final class NitpickerRoot implements Root {
  /** RAM a session costs besides its buffer: the event dataspace and a page of state. */
  static final long SESSION_RAM = InputSession.DATASPACE_SIZE + 4096;
  /** Capabilities a session costs: the session, its framebuffer, input and two dataspaces. */
  static final CapQuota SESSION_CAPS = CapQuota.of(5);
  /** The largest buffer side nitpicker accepts. */
  static final int MAX_SIDE = 4096;
  /** The session colours of X-ray mode, handed out in turn. */
  private static final int[] COLOURS = {Rgb565.of(0xff, 0x80, 0x00), Rgb565.of(0x00, 0xc0, 0xff),
      Rgb565.of(0x80, 0xff, 0x40), Rgb565.of(0xff, 0x40, 0xc0), Rgb565.of(0xff, 0xff, 0x40),
      Rgb565.of(0x80, 0x60, 0xff)};

  private final Env env;
  private final ViewStack stack;
  private final UserState user;
  private int sessions;

  NitpickerRoot(Env env, ViewStack stack, UserState user) {
    this.env = env;
    this.stack = stack;
    this.user = user;
  }

  @Override
  public Capability<Object> session(String args) throws ServiceDenied, InsufficientRamQuota, InsufficientCapQuota {
    SessionArgs parsed;
    Session.Resources donated;
    long width;
    long height;
    boolean stayTop;
    try {
      parsed = SessionArgs.parse(args);
      donated = Session.Resources.from(parsed);
      Rect screen = stack.bounds();
      width = parsed.longValue(NitpickerSession.FB_WIDTH, screen.w());
      height = parsed.longValue(NitpickerSession.FB_HEIGHT, screen.h() - ViewStack.MENUBAR_HEIGHT);
      stayTop = parsed.boolValue(NitpickerSession.STAY_TOP, false);
    } catch (SessionArgsException e) {
      env.log().warning("Nitpicker session: malformed arguments: " + e.getMessage());
      throw new ServiceDenied("malformed Nitpicker session arguments: " + e.getMessage());
    }
    String label = parsed.label().toString();
    if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
      env.log().error("session \"" + label + "\": buffer " + width + "x" + height + " refused (each side 1.."
          + MAX_SIDE + ")");
      throw new ServiceDenied("a Nitpicker buffer of " + width + "x" + height + " (each side must be 1.."
          + MAX_SIDE + ")");
    }
    Mode mode = new Mode((int) width, (int) height, PixelFormat.RGB565);
    long needed = mode.bytes() + SESSION_RAM;
    if (donated.ramQuota().value() < needed) {
      env.log().error("session \"" + label + "\": ram_quota of " + donated.ramQuota().value()
          + " bytes does not cover its " + width + "x" + height + " buffer (" + mode.bytes() + " bytes) and "
          + SESSION_RAM + " bytes of session state: needs " + needed);
      throw new InsufficientRamQuota(donated.ramQuota(), RamQuota.of(needed));
    }
    donated.deduct(RamQuota.NONE, SESSION_CAPS);
    AttachedRamDataspace buffer = allocate(mode.bytes(), label, "buffer");
    AttachedRamDataspace events;
    try {
      events = allocate(InputSession.DATASPACE_SIZE, label, "event dataspace");
    } catch (ServiceDenied e) {
      buffer.close();
      throw e;
    }
    int colour = COLOURS[sessions++ % COLOURS.length];
    NitpickerSessionComponent session = new NitpickerSessionComponent(env, stack, label, colour, mode, stayTop,
        buffer, events);
    return env.ep().manage(NitpickerSession.class, session).cast();
  }

  private AttachedRamDataspace allocate(long bytes, String label, String what) throws ServiceDenied {
    try {
      return AttachedRamDataspace.allocate(env, bytes);
    } catch (AttachedRamDataspace.AllocationFailed e) {
      env.log().error("session \"" + label + "\": no RAM left in nitpicker for its " + what + " of " + bytes
          + " bytes");
      throw new ServiceDenied("nitpicker has no RAM for the " + what + " of \"" + label + "\": " + e.getMessage());
    }
  }


  @Override
  public void upgrade(Capability<Object> session, String args) {
    // A session's needs do not grow: the upgrade is accepted and kept.
  }

  @Override
  public void close(Capability<Object> session) {
    NitpickerSessionComponent component = env.ep().apply(session, NitpickerSessionComponent.class);
    if (component == null) {
      return;
    }
    env.ep().dissolve(component);
    if (stack.focused() == component) {
      stack.focus(null);
    }
    user.forget(component);
    component.destruct();
    stack.flush();
  }
}
