package io.github.genova.genode.os.test.signal;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link SignalTest} known as the binary {@code test-signal}, as Genode names its signal test. */
public final class SignalTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public SignalTestFactory() {}

  @Override
  public String name() {
    return "test-signal";
  }

  @Override
  public Component create() {
    return new SignalTest();
  }
}
