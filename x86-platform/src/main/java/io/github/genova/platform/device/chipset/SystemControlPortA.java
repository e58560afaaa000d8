package io.github.genova.platform.device.chipset;

import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;
import io.github.genova.platform.SystemLines;

/**
 * System control port A at 0x92 (the PS/2-era "fast A20" port): bit 1 drives the A20 gate, and writing
 * bit 0 as one pulses the CPU reset line (bit 0 reads back as zero once the pulse is over). Both go to
 * the machine's {@link SystemLines}. Thread-safe.
 */
public final class SystemControlPortA implements PortDevice {
  private final SystemLines lines;
  private int value = 0x02; // A20 enabled, as the i8042's output port starts

  private SystemControlPortA(SystemLines lines) {
    this.lines = lines;
  }

  /** Attaches port 0x92 to {@code machine}. */
  public static SystemControlPortA attach(Machine machine) {
    SystemControlPortA port = new SystemControlPortA(machine.systemLines());
    machine.ports().claim(0x92, 1, port);
    return port;
  }

  /** Returns whether the port lets A20 through. */
  public synchronized boolean a20() {
    return (value & 0x02) != 0;
  }

  @Override
  public synchronized int in(int port, int size) {
    return value;
  }

  @Override
  public synchronized void out(int port, int size, int v) {
    int old = value;
    value = v & 0x02;
    if (((old ^ value) & 0x02) != 0) {
      lines.a20(a20());
    }
    if ((v & 0x01) != 0) {
      lines.resetCpu();
    }
  }

  @Override
  public String toString() {
    return "system control port A";
  }
}
