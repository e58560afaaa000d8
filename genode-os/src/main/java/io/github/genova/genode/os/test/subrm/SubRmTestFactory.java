package io.github.genova.genode.os.test.subrm;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link SubRmTest} known as the binary {@code test-sub_rm}, as Genode names its test. */
public final class SubRmTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public SubRmTestFactory() {}

  @Override
  public String name() {
    return "test-sub_rm";
  }

  @Override
  public Component create() {
    return new SubRmTest();
  }
}
