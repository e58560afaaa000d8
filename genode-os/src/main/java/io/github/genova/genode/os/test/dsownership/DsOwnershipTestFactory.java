package io.github.genova.genode.os.test.dsownership;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link DsOwnershipTest} known as the binary {@code test-ds_ownership}, as Genode names its test. */
public final class DsOwnershipTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public DsOwnershipTestFactory() {}

  @Override
  public String name() {
    return "test-ds_ownership";
  }

  @Override
  public Component create() {
    return new DsOwnershipTest();
  }
}
