package io.github.genova.platform;

import io.github.genova.platform.x86.IoPorts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The 64 Ki x86 I/O ports. Devices claim port ranges; an access to an unclaimed port reads all ones and
 * ignores writes, as on a PC's floating bus. Claims are made while the machine is built; accesses are
 * lock-free and go straight to the claiming device.
 */
public final class PortBus implements IoPorts {
  /** Number of I/O ports. */
  public static final int PORTS = 1 << 16;

  private final PortDevice[] devices = new PortDevice[PORTS];
  private final List<PortRange> claims = new ArrayList<>();

  /** Creates a bus with no ports claimed. */
  public PortBus() {}

  /**
   * Gives ports {@code base .. base+count-1} to {@code device}.
   *
   * @throws IllegalArgumentException if the range is outside 0..0xffff or a port is already claimed
   */
  public synchronized void claim(int base, int count, PortDevice device) {
    if (base < 0 || count <= 0 || base + count > PORTS) {
      throw new IllegalArgumentException("port range " + hex(base) + "+" + count + " is outside 0..0xffff");
    }
    for (int p = base; p < base + count; p++) {
      if (devices[p] != null) {
        throw new IllegalArgumentException("port " + hex(p) + " is already claimed by " + devices[p]);
      }
    }
    Arrays.fill(devices, base, base + count, device);
    claims.add(new PortRange(base, count, device));
  }

  /** Returns the claims in port order: the machine's I/O port map. */
  public synchronized List<PortRange> claims() {
    List<PortRange> sorted = new ArrayList<>(claims);
    sorted.sort(Comparator.comparingInt(PortRange::base));
    return List.copyOf(sorted);
  }

  /** Returns the device claiming {@code port}, or null. */
  public @Nullable PortDevice owner(int port) {
    return devices[port & (PORTS - 1)];
  }

  /** Returns whether some device claims {@code port}. */
  public boolean isClaimed(int port) {
    return devices[port & (PORTS - 1)] != null;
  }

  /**
   * Reads {@code size} (1, 2 or 4) bytes from {@code port}.
   *
   * @return the value, zero-extended; all ones of that size when nobody claims the port
   */
  @Override
  public int in(int port, int size) {
    PortDevice device = devices[port & (PORTS - 1)];
    int mask = sizeMask(size);
    return device == null ? mask : device.in(port & (PORTS - 1), size) & mask;
  }

  /** Writes the low {@code size} (1, 2 or 4) bytes of {@code value} to {@code port}. */
  @Override
  public void out(int port, int size, int value) {
    PortDevice device = devices[port & (PORTS - 1)];
    int mask = sizeMask(size);
    if (device != null) {
      device.out(port & (PORTS - 1), size, value & mask);
    }
  }

  private static int sizeMask(int size) {
    return switch (size) {
      case 1 -> 0xff;
      case 2 -> 0xffff;
      case 4 -> 0xffff_ffff;
      default -> throw new IllegalArgumentException("port access size must be 1, 2 or 4: " + size);
    };
  }

  private static String hex(int port) {
    return "0x" + Integer.toHexString(port);
  }
}
