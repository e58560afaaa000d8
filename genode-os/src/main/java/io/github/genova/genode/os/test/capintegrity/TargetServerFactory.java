package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link TargetServer} known as the binary {@code test-cap-integrity-server}. */
public final class TargetServerFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public TargetServerFactory() {}

  @Override
  public String name() {
    return "test-cap-integrity-server";
  }

  @Override
  public Component create() {
    return new TargetServer();
  }
}
