package io.github.genova.genode.os.drivers.pci;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link PciDriver} known as the binary {@code pci_drv}, as Genode named its PCI driver. */
public final class PciDriverFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public PciDriverFactory() {}

  @Override
  public String name() {
    return "pci_drv";
  }

  @Override
  public Component create() {
    return new PciDriver();
  }
}
