package io.github.genova.genode.os.test.thread;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link ThreadTest} known as the binary {@code test-thread}, as Genode names its thread test. */
public final class ThreadTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public ThreadTestFactory() {}

  @Override
  public String name() {
    return "test-thread";
  }

  @Override
  public Component create() {
    return new ThreadTest();
  }
}
