package io.github.genova.platform.x86.interp;

import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Memory;
import java.util.Arrays;

/**
 * Test memory: {@link PagedRam} that remembers every physical address written, so a test can check that an
 * instruction wrote nothing else and wipe the touched bytes before the next vector. Code fetch goes through
 * {@link #read8} (no page arrays are handed out), which keeps every byte access visible.
 */
final class RecordingBus implements X86Memory {
  final PagedRam ram;
  private long[] written = new long[64];
  private int count;

  RecordingBus(long size) {
    ram = new PagedRam(size);
  }

  @Override
  public int read8(long address) {
    return ram.read8(address);
  }

  @Override
  public void write8(long address, int value) {
    if (count == written.length) {
      written = Arrays.copyOf(written, count * 2);
    }
    written[count++] = address;
    ram.write8(address, value);
  }

  /** Returns the addresses written since the last {@link #forget}, in order, possibly repeated. */
  long[] written() {
    return Arrays.copyOf(written, count);
  }

  void forget() {
    count = 0;
  }
}
