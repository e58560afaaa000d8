package io.github.genova.genode.os.timer;

import io.github.genova.genode.os.hw.GateIoPorts;
import io.github.genova.genode.os.hw.IoPorts;
import java.util.List;

/**
 * The gate's port I/O, recording every count programmed into PIT channel 0 (the two data writes that
 * follow a channel-0 control word with LSB-then-MSB access).
 */
final class CountRecorder implements IoPorts {
  private final IoPorts gate = new GateIoPorts();
  private final List<Integer> counts;
  private int pendingBytes;
  private int lsb;

  CountRecorder(List<Integer> counts) {
    this.counts = counts;
  }

  @Override
  public int inb(int port) {
    return gate.inb(port);
  }

  @Override
  public void outb(int port, int value) {
    gate.outb(port, value);
    if (port == 0x43 && (value & 0xf0) == 0x30) {
      pendingBytes = 2;
    } else if (port == 0x40 && pendingBytes == 2) {
      lsb = value & 0xff;
      pendingBytes = 1;
    } else if (port == 0x40 && pendingBytes == 1) {
      counts.add(lsb | (value & 0xff) << 8);
      pendingBytes = 0;
    }
  }
}
