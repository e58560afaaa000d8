package io.github.genova.genode.os.drivers.pci;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The functions the scan found, in bus order, and which session holds each: a device is handed to one
 * session at a time. Genode's first {@code pci_drv} (2008-2010) created a device object on every {@code
 * next_device} call and handed the same function to every session that asked; later releases kept a
 * bus/device/function "in use" bit array shared by all sessions, so that a second session could not obtain
 * a device another holds, and today's platform driver assigns each device to one session by policy. Genova
 * follows the later releases: {@link #claim} succeeds only for an unclaimed device, and {@link #release}
 * frees it for the next session. Used on the driver's entrypoint only.
 */
final class DeviceClaims {
  private final List<DeviceConfig> devices;
  private final @Nullable PciSessionComponent[] holders;

  DeviceClaims(List<DeviceConfig> devices) {
    this.devices = List.copyOf(devices);
    this.holders = new PciSessionComponent[devices.size()];
  }

  /** Returns the number of devices. */
  int size() {
    return devices.size();
  }

  /** Returns device {@code index} in bus order. */
  DeviceConfig device(int index) {
    return devices.get(index);
  }

  /** Marks device {@code index} held by {@code session} and returns true, unless another session holds it. */
  boolean claim(int index, PciSessionComponent session) {
    PciSessionComponent holder = holders[index];
    if (holder != null && holder != session) {
      return false;
    }
    holders[index] = session;
    return true;
  }

  /** Frees device {@code index} if {@code session} holds it. */
  void release(int index, PciSessionComponent session) {
    if (holders[index] == session) {
      holders[index] = null;
    }
  }
}
