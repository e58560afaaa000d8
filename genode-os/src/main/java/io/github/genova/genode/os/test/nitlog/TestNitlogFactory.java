package io.github.genova.genode.os.test.nitlog;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link TestNitlog} known as the binary {@code test-nitlog}. */
public final class TestNitlogFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public TestNitlogFactory() {}

  @Override
  public String name() {
    return "test-nitlog";
  }

  @Override
  public Component create() {
    return new TestNitlog();
  }
}
