package io.github.genova.genode.os.test.timer;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link TimerTest} known as the binary {@code test-timer}, as Genode names its timer test. */
public final class TimerTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public TimerTestFactory() {}

  @Override
  public String name() {
    return "test-timer";
  }

  @Override
  public Component create() {
    return new TimerTest();
  }
}
