package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;
import io.github.genova.genode.base.env.ComponentRegistry;

/** Makes launchpad known as the binary {@code launchpad}, finding its children among the loaded components. */
public final class LaunchpadFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public LaunchpadFactory() {}

  @Override
  public String name() {
    return "launchpad";
  }

  @Override
  public Component create() {
    return new Launchpad(ComponentRegistry.loaded());
  }
}
