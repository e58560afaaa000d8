package io.github.genova.genode.os.drivers.ps2;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link Ps2Driver} known as the binary {@code ps2_drv}, as Genode names its PS/2 driver. */
public final class Ps2DriverFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public Ps2DriverFactory() {}

  @Override
  public String name() {
    return "ps2_drv";
  }

  @Override
  public Component create() {
    return new Ps2Driver();
  }
}
