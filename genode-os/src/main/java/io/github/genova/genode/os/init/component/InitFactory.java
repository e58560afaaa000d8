package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;
import io.github.genova.genode.base.env.ComponentRegistry;

/** Makes init known as the binary {@code init}, finding its children among the loaded components. */
public final class InitFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public InitFactory() {}

  @Override
  public String name() {
    return "init";
  }

  @Override
  public Component create() {
    return new Init(ComponentRegistry.loaded());
  }
}
