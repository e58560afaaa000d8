package io.github.genova.genode.os.test.nitpicker;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link TestNit} known as the binary {@code testnit}, as Genode names its nitpicker test. */
public final class TestNitFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public TestNitFactory() {}

  @Override
  public String name() {
    return "testnit";
  }

  @Override
  public Component create() {
    return new TestNit();
  }
}
