package io.github.genova.platform.device.debug;

import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.PortDevice;
import java.util.function.IntConsumer;

/**
 * A POST code port (0x80 on PCs, 0x190 for test386): remembers the last byte written, which a read
 * returns, and tells a host listener about each code as it is written. Thread-safe.
 */
public final class PostCodePort implements PortDevice {
  private final int port;
  private int last = -1;
  private int count;
  private IntConsumer listener = code -> {};

  private PostCodePort(int port) {
    this.port = port;
  }

  /** Returns a factory for a POST code port at {@code port}. */
  public static DeviceFactory<PostCodePort> at(int port) {
    return machine -> {
      PostCodePort post = new PostCodePort(port);
      machine.ports().claim(port, 1, post);
      return post;
    };
  }

  /** Returns the port this device listens on. */
  public int port() {
    return port;
  }

  /** Calls {@code l} with every code written from now on (on the writing thread), replacing the previous listener. */
  public synchronized void setListener(IntConsumer l) {
    this.listener = l;
  }

  /** Returns the last code written, or -1 if none has been. */
  public synchronized int lastCode() {
    return last;
  }

  /** Returns how many codes have been written. */
  public synchronized int codeCount() {
    return count;
  }

  @Override
  public synchronized int in(int p, int size) {
    return last < 0 ? 0xff : last;
  }

  @Override
  public void out(int p, int size, int value) {
    IntConsumer l;
    synchronized (this) {
      last = value & 0xff;
      count++;
      l = listener;
    }
    l.accept(value & 0xff);
  }

  @Override
  public String toString() {
    return "POST code port at " + Integer.toHexString(port);
  }
}
