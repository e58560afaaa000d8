package io.github.genova.genode.os.nitlog;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link Nitlog} known as the binary {@code nitlog}, as Genode names it. */
public final class NitlogFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public NitlogFactory() {}

  @Override
  public String name() {
    return "nitlog";
  }

  @Override
  public Component create() {
    return new Nitlog();
  }
}
