package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.Resource;
import java.util.List;

/**
 * A PCI function as the scan found it (Genode's {@code Device_config}): where it sits, its identity and class,
 * its header type and the resources decoded from its base address registers at scan time.
 *
 * @param address bus, device and function
 * @param vendorId the vendor ID
 * @param deviceId the device ID
 * @param classCode base class, subclass and programming interface (24 bits)
 * @param headerType the header layout (bits 6-0: 0 a device, 1 a PCI-to-PCI bridge), without the
 *     multi-function bit
 * @param resources the decoded BARs: six for a device, two for a bridge, none otherwise
 */
record DeviceConfig(BusAddress address, int vendorId, int deviceId, int classCode, int headerType,
    List<Resource> resources) {
  /** Header type of a device. */
  static final int HEADER_DEVICE = 0;
  /** Header type of a PCI-to-PCI bridge. */
  static final int HEADER_BRIDGE = 1;

  /** Copies the resources. */
  DeviceConfig {
    resources = List.copyOf(resources);
  }

  /** Returns whether the function is a PCI-to-PCI bridge, behind which another bus lies. */
  boolean bridge() {
    return headerType == HEADER_BRIDGE;
  }

  /** Returns the number of base address registers of a header of type {@code headerType}. */
  static int barCount(int headerType) {
    return switch (headerType) {
      case HEADER_DEVICE -> 6;
      case HEADER_BRIDGE -> 2;
      default -> 0;
    };
  }

  @Override
  public String toString() {
    return String.format("%s %04x:%04x class %06x", address, vendorId, deviceId, classCode);
  }
}
