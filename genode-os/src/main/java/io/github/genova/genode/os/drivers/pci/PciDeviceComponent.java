package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.log.Log;
import io.github.genova.genode.os.pci.BusAddress;
import io.github.genova.genode.os.pci.InvalidConfigAccess;
import io.github.genova.genode.os.pci.PciDevice;
import io.github.genova.genode.os.pci.Resource;

/**
 * The RPC object of one PCI function while a session holds it (Genode's {@code Device_component}): identity
 * and resources as the scan found them, configuration accesses checked and then performed through the
 * driver's {@link ConfigAccess}. A refused access is logged naming the function and what is wrong.
 */
final class PciDeviceComponent implements PciDevice {
  private final int index;
  private final DeviceConfig device;
  private final ConfigAccess config;
  private final Log log;

  /** Serves {@code device}, number {@code index} in bus order, reaching it through {@code config}. */
  PciDeviceComponent(int index, DeviceConfig device, ConfigAccess config, Log log) {
    this.index = index;
    this.device = device;
    this.config = config;
    this.log = log;
  }

  /** Returns the device's position in bus order. */
  int index() {
    return index;
  }

  @Override
  public BusAddress busAddress() {
    return device.address();
  }

  @Override
  public int vendorId() {
    return device.vendorId();
  }

  @Override
  public int deviceId() {
    return device.deviceId();
  }

  @Override
  public int classCode() {
    return device.classCode();
  }

  @Override
  public Resource resource(int id) {
    return id >= 0 && id < device.resources().size() ? device.resources().get(id) : Resource.NONE;
  }

  @Override
  public int configRead(int address, int size) throws InvalidConfigAccess {
    check(address, size);
    return config.read(device.address(), address, size);
  }

  @Override
  public void configWrite(int address, int value, int size) throws InvalidConfigAccess {
    check(address, size);
    config.write(device.address(), address, size, value);
  }

  private void check(int address, int size) throws InvalidConfigAccess {
    try {
      InvalidConfigAccess.check(address, size);
    } catch (InvalidConfigAccess e) {
      log.warning(device.address() + ": " + e.getMessage());
      throw e;
    }
  }

  @Override
  public String toString() {
    return device.toString();
  }
}
