package io.github.genova.genode.os.nitpicker.server;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link Nitpicker} known as the binary {@code nitpicker}. */
public final class NitpickerFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public NitpickerFactory() {}

  @Override
  public String name() {
    return "nitpicker";
  }

  @Override
  public Component create() {
    return new Nitpicker();
  }
}
