package io.github.genova.platform.device.ps2;

/**
 * What a PS/2 device shares with the other on the controller: a byte queue towards the controller (16
 * bytes, as the devices buffer) and a command input. All state is guarded by the controller's lock, which
 * host-side calls take too, so guest and host see one order of events.
 */
abstract sealed class Ps2Device permits Ps2Keyboard, Ps2Mouse {
  /** The device's output buffer size. */
  static final int QUEUE_SIZE = 16;

  static final int ACK = 0xfa;
  static final int RESEND = 0xfe;
  static final int SELF_TEST_PASSED = 0xaa;

  final I8042 controller;
  private final byte[] queue = new byte[QUEUE_SIZE];
  private int head;
  private int count;

  Ps2Device(I8042 controller) {
    this.controller = controller;
  }

  /** Handles a byte the host (through the controller) sent to the device. */
  abstract void command(int value);

  final void send(int value) {
    if (count < QUEUE_SIZE) {
      queue[(head + count) % QUEUE_SIZE] = (byte) value;
      count++;
    }
  }

  final int space() {
    return QUEUE_SIZE - count;
  }

  final boolean hasData() {
    return count > 0;
  }

  final int take() {
    int v = queue[head] & 0xff;
    head = (head + 1) % QUEUE_SIZE;
    count--;
    return v;
  }

  final void clearQueue() {
    head = 0;
    count = 0;
  }

  /** Returns how many bytes wait for the controller. */
  public final int pendingBytes() {
    synchronized (controller) {
      return count;
    }
  }
}
