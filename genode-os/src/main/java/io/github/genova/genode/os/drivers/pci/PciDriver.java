package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.Env;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.os.hw.IoPortConnection;
import io.github.genova.genode.os.pci.PciSession;
import java.util.List;

/**
 * Genode's PCI driver as a component (the binary {@code pci_drv}): opens an IO_PORT session for the
 * configuration ports 0xCF8-0xCFF at its parent, scans bus 0 and the buses behind PCI-to-PCI bridges
 * ({@link BusScan}, sizing each BAR once, before any client runs), logs how many functions it found and
 * announces the {@value PciSession#SERVICE_NAME} service ({@link PciRoot}). Refused ports are logged with
 * the reason and the driver exits with 1.
 */
public final class PciDriver implements Component {
  /** Creates the driver's code (its factory does). */
  public PciDriver() {}

  @Override
  public void construct(Env env) {
    IoPortConnection ports;
    try {
      ports = new IoPortConnection(env, ConfigMechanism1.CONFIG_ADDRESS, ConfigMechanism1.PORTS);
    } catch (ServiceDenied | OutOfRam | OutOfCaps | InsufficientRamQuota | InsufficientCapQuota e) {
      env.log().error("PCI configuration ports 0xcf8-0xcff refused: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      env.parentInterface().exit(1);
      return;
    }
    ConfigAccess config = new ConfigMechanism1(ports.session());
    List<DeviceConfig> devices = BusScan.scan(config);
    long buses = devices.stream().mapToInt(d -> d.address().bus()).distinct().count();
    env.log().log("PCI: " + devices.size() + " functions on " + buses + (buses == 1 ? " bus" : " buses"));
    PciRoot root = new PciRoot(env.ep(), new DeviceClaims(devices), config, env.log());
    env.parentInterface().announce(PciSession.SERVICE_NAME, env.ep().manage(Root.class, root));
  }
}
