package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.os.input.InputEvent;
import java.util.function.Consumer;

/**
 * The mouse on the i8042's auxiliary port as Genode's driver sets it up: reset (0xFA, 0xAA, ID 0x00), set
 * defaults, the IntelliMouse probe (sample rates 200, 100, 80, then get-ID: ID 3 means a wheel and 4-byte
 * packets), enable streaming. {@link #accept} assembles the packets — 3 bytes, 4 with a wheel; the first
 * byte carries buttons in bits 0-2, bit 3 always set (a byte without it is dropped to find the packet
 * start again), the signs of x and y in bits 4 and 5 and their overflow in bits 6 and 7 — into relative
 * motion (y turned to screen direction, down positive; an overflowed axis counts 0), wheel and button
 * events ({@code BTN_LEFT} 0x110, {@code BTN_RIGHT} 0x111, {@code BTN_MIDDLE} 0x112), in this order.
 */
public final class Ps2Mouse {
  /** Genode's key code of the left button; right and middle follow. */
  public static final int BTN_LEFT = 0x110;
  /** Genode's key code of the right button. */
  public static final int BTN_RIGHT = 0x111;
  /** Genode's key code of the middle button. */
  public static final int BTN_MIDDLE = 0x112;

  private static final int[] BUTTONS = {BTN_LEFT, BTN_RIGHT, BTN_MIDDLE};
  private static final int ID_INTELLIMOUSE = 3;

  private final Consumer<InputEvent> sink;
  private final int[] packet;
  private int received;
  private int buttons;

  private Ps2Mouse(Consumer<InputEvent> sink, boolean wheel) {
    this.sink = sink;
    this.packet = new int[wheel ? 4 : 3];
  }

  /**
   * Resets, probes and enables the mouse behind {@code i8042} (after {@link I8042#reset()}); its events go
   * to {@code sink}.
   *
   * @throws I8042Fault if the mouse does not acknowledge a command or fails its self-test
   */
  public static Ps2Mouse reset(I8042 i8042, Consumer<InputEvent> sink) throws I8042Fault {
    command(i8042, 0xff, "reset");
    int result = i8042.read("the mouse's self-test result");
    int id = i8042.read("the mouse's ID after reset");
    if (result != Ps2Keyboard.SELF_TEST_PASSED || id != 0) {
      throw new I8042Fault("mouse self test failed: read " + I8042.hex(result) + " " + I8042.hex(id)
          + ", expected 0xaa 0x00");
    }
    command(i8042, 0xf6, "set defaults");
    for (int rate : new int[] {200, 100, 80}) {
      command(i8042, 0xf3, "set sample rate");
      command(i8042, rate, "sample rate " + rate);
    }
    command(i8042, 0xf2, "get ID");
    boolean wheel = i8042.read("the mouse's ID") == ID_INTELLIMOUSE;
    command(i8042, 0xf4, "enable streaming");
    return new Ps2Mouse(sink, wheel);
  }

  private static void command(I8042 i8042, int cmd, String what) throws I8042Fault {
    i8042.writeAux(cmd);
    int reply = i8042.read("the mouse's acknowledge of " + what);
    if (reply != Ps2Keyboard.ACK) {
      throw new I8042Fault("mouse did not acknowledge " + what + " (" + I8042.hex(cmd) + "): read "
          + I8042.hex(reply));
    }
  }

  /** Returns whether the mouse has a wheel (sends 4-byte IntelliMouse packets). */
  public boolean wheel() {
    return packet.length == 4;
  }

  /** Takes the next byte from the mouse; a complete packet becomes events. */
  public void accept(int value) {
    int b = value & 0xff;
    if (received == 0 && (b & 0x08) == 0) {
      return; // not a packet's first byte: wait for one
    }
    packet[received++] = b;
    if (received < packet.length) {
      return;
    }
    received = 0;
    int head = packet[0];
    int dx = (head & 0x40) != 0 ? 0 : packet[1] - ((head & 0x10) != 0 ? 256 : 0);
    int dy = (head & 0x80) != 0 ? 0 : packet[2] - ((head & 0x20) != 0 ? 256 : 0);
    if (dx != 0 || dy != 0) {
      sink.accept(InputEvent.relativeMotion(dx, -dy));
    }
    if (wheel()) {
      int dz = (byte) packet[3];
      if (dz != 0) {
        sink.accept(InputEvent.wheel(-dz)); // the mouse counts towards the user as positive
      }
    }
    int now = head & 0x07;
    for (int i = 0; i < BUTTONS.length; i++) {
      int bit = 1 << i;
      if (((now ^ buttons) & bit) != 0) {
        sink.accept((now & bit) != 0 ? InputEvent.press(BUTTONS[i]) : InputEvent.release(BUTTONS[i]));
      }
    }
    buttons = now;
  }
}
