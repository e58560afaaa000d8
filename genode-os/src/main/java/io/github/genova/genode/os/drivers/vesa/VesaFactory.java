package io.github.genova.genode.os.drivers.vesa;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link VesaDriver} known as the binary {@code vesa_drv}, as Genode named its VESA driver. */
public final class VesaFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public VesaFactory() {}

  @Override
  public String name() {
    return "vesa_drv";
  }

  @Override
  public Component create() {
    return new VesaDriver();
  }
}
