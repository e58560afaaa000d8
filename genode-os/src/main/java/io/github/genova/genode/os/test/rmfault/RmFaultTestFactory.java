package io.github.genova.genode.os.test.rmfault;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link RmFaultTest} known as the binary {@code test-rm_fault}, as Genode names its test. */
public final class RmFaultTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public RmFaultTestFactory() {}

  @Override
  public String name() {
    return RmFaultTest.BINARY;
  }

  @Override
  public Component create() {
    return new RmFaultTest();
  }
}
