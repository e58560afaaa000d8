package io.github.genova.genode.os.test.pci;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link PciTest} known as the binary {@code test-pci}, as Genode named its PCI test. */
public final class PciTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public PciTestFactory() {}

  @Override
  public String name() {
    return "test-pci";
  }

  @Override
  public Component create() {
    return new PciTest();
  }
}
