package io.github.genova.genode.os.test.input;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link InputTest} known as the binary {@code test-input}, as Genode names its input test. */
public final class InputTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public InputTestFactory() {}

  @Override
  public String name() {
    return "test-input";
  }

  @Override
  public Component create() {
    return new InputTest();
  }
}
