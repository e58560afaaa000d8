package io.github.genova.platform.device.debug;

import io.github.genova.platform.DeviceFactory;
import io.github.genova.platform.HostOutput;
import io.github.genova.platform.PortDevice;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A debug console port as Bochs and QEMU's isa-debugcon provide it: every byte written goes to the host
 * stream, and a read returns 0xE9 so firmware can detect the port. Bytes are also kept (up to
 * {@link #RETAINED_BYTES}) for the host to read back. Thread-safe.
 */
public final class DebugConsole implements PortDevice {
  /** How many of the most recent bytes {@link #text()} keeps. */
  public static final int RETAINED_BYTES = 1 << 20;

  private final int port;
  private final ByteArrayOutputStream retained = new ByteArrayOutputStream();
  private final HostOutput output = new HostOutput();

  private DebugConsole(int port) {
    this.port = port;
  }

  /** Returns a factory for a debug console at {@code port} (0xE9 for Bochs, 0x402 for SeaBIOS). */
  public static DeviceFactory<DebugConsole> at(int port) {
    return machine -> {
      DebugConsole console = new DebugConsole(port);
      machine.ports().claim(port, 1, console);
      return console;
    };
  }

  /** Returns the port this console listens on. */
  public int port() {
    return port;
  }

  /** Sends the bytes to {@code out} as they arrive (null: only retain them). */
  public synchronized void setOutput(@Nullable OutputStream out) {
    output.connect(out);
  }

  /** Returns the error that made the console stop writing to its output, or null. */
  public synchronized @Nullable IOException outputError() {
    return output.error();
  }

  /** Returns the retained output decoded as ISO-8859-1 (one character per byte). */
  public synchronized String text() {
    return retained.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public int in(int p, int size) {
    return 0xe9;
  }

  @Override
  public synchronized void out(int p, int size, int value) {
    for (int i = 0; i < size; i++) {
      int b = (value >>> (8 * i)) & 0xff;
      if (retained.size() >= RETAINED_BYTES) {
        retained.reset();
      }
      retained.write(b);
      output.write(b);
    }
  }

  @Override
  public String toString() {
    return "debug console at " + Integer.toHexString(port);
  }
}
