package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link CapIntegrityTest} known as the binary {@code test-cap-integrity}, as Genode names its test. */
public final class CapIntegrityTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public CapIntegrityTestFactory() {}

  @Override
  public String name() {
    return "test-cap-integrity";
  }

  @Override
  public Component create() {
    return new CapIntegrityTest();
  }
}
