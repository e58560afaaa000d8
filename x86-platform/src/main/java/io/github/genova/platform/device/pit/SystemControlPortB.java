package io.github.genova.platform.device.pit;

import io.github.genova.platform.Clock;
import io.github.genova.platform.Machine;
import io.github.genova.platform.PortDevice;

/**
 * The PC's system control port B at 0x61: bit 0 gates PIT channel 2, bit 1 enables the speaker, bit 4
 * toggles with the DRAM refresh request (every 15.085 µs of machine time) and bit 5 reads channel 2's
 * output, which firmware uses to calibrate delays. Thread-safe.
 */
public final class SystemControlPortB implements PortDevice {
  /** Period of the refresh-request toggle in nanoseconds (18 PIT clocks). */
  private static final long REFRESH_NANOS = 15_085;

  private final Pit8254 pit;
  private final Clock clock;
  private boolean speakerData;

  private SystemControlPortB(Pit8254 pit, Clock clock) {
    this.pit = pit;
    this.clock = clock;
  }

  /** Attaches port 0x61 to {@code machine}, wired to its already attached {@link Pit8254}. */
  public static SystemControlPortB attach(Machine machine) {
    SystemControlPortB port = new SystemControlPortB(machine.device(Pit8254.class), machine.clock());
    machine.ports().claim(0x61, 1, port);
    return port;
  }

  @Override
  public synchronized int in(int port, int size) {
    int v = (pit.gate2() ? 0x01 : 0) | (speakerData ? 0x02 : 0);
    if ((clock.nanos() / REFRESH_NANOS & 1) != 0) {
      v |= 0x10;
    }
    if (pit.out(2)) {
      v |= 0x20;
    }
    return v;
  }

  @Override
  public synchronized void out(int port, int size, int value) {
    speakerData = (value & 0x02) != 0;
    pit.setGate2((value & 0x01) != 0);
  }

  /** Returns the speaker's tone in Hz (channel 2 in mode 3, gated and enabled), or 0 when silent. */
  public synchronized long toneHz() {
    if (!speakerData || !pit.gate2() || pit.mode(2) != 3) {
      return 0;
    }
    return Pit8254.FREQUENCY_HZ / pit.reload(2);
  }

  @Override
  public String toString() {
    return "system control port B";
  }
}
