package io.github.genova.platform.device.ps2;

/**
 * A PS/2 mouse on the controller's auxiliary port, with the IntelliMouse extensions: the sample-rate
 * sequence 200, 100, 80 switches it to ID 3 (wheel, 4-byte packets), and then 200, 200, 80 to ID 4
 * (wheel and buttons 4 and 5). It answers reset (0xFF: ACK 0xAA 0x00), defaults (0xF6), enable and disable
 * reporting (0xF4/0xF5), sample rate (0xF3), get ID (0xF2), remote and stream mode (0xF0/0xEA), read data
 * (0xEB), status request (0xE9), resolution (0xE8), scaling (0xE7/0xE6), wrap mode (0xEE/0xEC) and resend.
 *
 * <p>Host code moves the pointer with {@link #move}, turns the wheel with {@link #scroll} and sets
 * buttons with {@link #button}. In stream mode with reporting on, each call sends a packet when the
 * buffer has room (otherwise motion accumulates until it has). Motion beyond the 9-bit range of a packet
 * sets the overflow bit and the excess is lost, as on the real device; wheel notches beyond one packet's
 * range wait for the next packet.
 */
public final class Ps2Mouse extends Ps2Device {
  private boolean reporting;
  private boolean remote;
  private boolean wrap;
  private boolean scaling21;
  private int sampleRate = 100;
  private int resolution = 2;
  private int id;
  private final int[] rates = new int[3];
  private int buttons; // bit 0 left, 1 right, 2 middle, 3 side, 4 extra
  private int dx;
  private int dy;
  private int dz;
  private int awaiting;
  private int lastSent = -1;

  Ps2Mouse(I8042 controller) {
    super(controller);
  }

  /**
   * Moves the pointer by {@code dx} to the right and {@code dyDown} down, in device counts (screen
   * convention; PS/2 reports up as positive, which the mouse converts).
   */
  public void move(int dx, int dyDown) {
    synchronized (controller) {
      this.dx += dx;
      this.dy -= dyDown;
      report();
    }
  }

  /** Turns the wheel by {@code notches}: positive away from the user (scroll up). */
  public void scroll(int notches) {
    synchronized (controller) {
      this.dz -= notches; // IntelliMouse reports towards the user as positive
      report();
    }
  }

  /** Presses or releases {@code button}. */
  public void button(MouseButton button, boolean pressed) {
    synchronized (controller) {
      int bit = button.mask();
      int now = pressed ? buttons | bit : buttons & ~bit;
      if (now != buttons) {
        buttons = now;
        report();
      }
    }
  }

  /** Returns the device ID the guest sees: 0 (standard), 3 (wheel) or 4 (wheel and five buttons). */
  public int id() {
    synchronized (controller) {
      return id;
    }
  }

  /** Returns whether data reporting is on (0xF4). */
  public boolean reporting() {
    synchronized (controller) {
      return reporting;
    }
  }

  /** Returns the sample rate last set (reports per second). */
  public int sampleRate() {
    synchronized (controller) {
      return sampleRate;
    }
  }

  /** Returns the resolution last set (0-3: 1, 2, 4 or 8 counts per mm). */
  public int resolution() {
    synchronized (controller) {
      return resolution;
    }
  }

  private int packetSize() {
    return id == 0 ? 3 : 4;
  }

  private void report() {
    if (reporting && !remote && !wrap && space() >= packetSize()) {
      sendPacket();
      controller.deviceOutput();
    }
  }

  private void sendPacket() {
    int x = scaling21 ? scale(dx) : dx;
    int y = scaling21 ? scale(dy) : dy;
    int b0 = 0x08 | (buttons & 1) | (buttons & 2) | (buttons & 4);
    if (x < 0) {
      b0 |= 0x10;
    }
    if (y < 0) {
      b0 |= 0x20;
    }
    if (x > 255 || x < -256) {
      b0 |= 0x40;
      x = x < 0 ? -256 : 255;
    }
    if (y > 255 || y < -256) {
      b0 |= 0x80;
      y = y < 0 ? -256 : 255;
    }
    send(b0);
    send(x & 0xff);
    send(y & 0xff);
    dx = 0;
    dy = 0;
    if (id == 3 || id == 4) {
      int z = Math.clamp(dz, -8, 7);
      dz -= z;
      send(id == 3 ? z & 0xff : (z & 0x0f) | ((buttons >> 3) & 3) << 4);
    } else {
      dz = 0;
    }
  }

  private static int scale(int v) {
    int a = Math.abs(v);
    int s = switch (a) {
      case 0, 1 -> a;
      case 2 -> 1;
      case 3 -> 3;
      case 4 -> 6;
      case 5 -> 9;
      default -> 2 * a;
    };
    return v < 0 ? -s : s;
  }

  private void reply(int b) {
    send(b);
    lastSent = b;
  }

  private void defaults() {
    sampleRate = 100;
    resolution = 2;
    scaling21 = false;
    remote = false;
    reporting = false;
  }

  @Override
  void command(int value) {
    if (wrap && value != 0xec && value != 0xff) {
      reply(value); // wrap mode echoes
      return;
    }
    int pending = awaiting;
    awaiting = 0;
    if (pending == 0xf3) {
      sampleRate = value;
      rates[0] = rates[1];
      rates[1] = rates[2];
      rates[2] = value;
      if (id == 0 && rates[0] == 200 && rates[1] == 100 && rates[2] == 80) {
        id = 3;
      } else if (id == 3 && rates[0] == 200 && rates[1] == 200 && rates[2] == 80) {
        id = 4;
      }
      reply(ACK);
      return;
    }
    if (pending == 0xe8) {
      resolution = value & 3;
      reply(ACK);
      return;
    }
    switch (value) {
      case 0xe6 -> {
        scaling21 = false;
        reply(ACK);
      }
      case 0xe7 -> {
        scaling21 = true;
        reply(ACK);
      }
      case 0xe8, 0xf3 -> {
        awaiting = value;
        reply(ACK);
      }
      case 0xe9 -> {
        reply(ACK);
        send((remote ? 0x40 : 0) | (reporting ? 0x20 : 0) | (scaling21 ? 0x10 : 0)
            | (buttons & 1) << 2 | (buttons & 4) >> 1 | (buttons & 2) >> 1);
        send(resolution);
        send(sampleRate);
      }
      case 0xea -> {
        remote = false;
        dx = dy = dz = 0;
        reply(ACK);
      }
      case 0xeb -> {
        reply(ACK);
        sendPacket();
      }
      case 0xec -> {
        wrap = false;
        reply(ACK);
      }
      case 0xee -> {
        wrap = true;
        reply(ACK);
      }
      case 0xf0 -> {
        remote = true;
        reply(ACK);
      }
      case 0xf2 -> {
        reply(ACK);
        send(id);
      }
      case 0xf4 -> {
        reporting = true;
        reply(ACK);
      }
      case 0xf5 -> {
        reporting = false;
        reply(ACK);
      }
      case 0xf6 -> {
        defaults();
        reply(ACK);
      }
      case 0xfe -> {
        if (lastSent >= 0) {
          send(lastSent);
        }
      }
      case 0xff -> {
        clearQueue();
        defaults();
        wrap = false;
        id = 0;
        dx = dy = dz = 0;
        reply(ACK);
        send(SELF_TEST_PASSED);
        send(0x00);
      }
      default -> reply(RESEND);
    }
  }

  @Override
  public String toString() {
    return "PS/2 mouse";
  }
}
