package io.github.genova.genode.os.timer.server;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link TimerDriver} known as the binary {@code timer}, as Genode names its timer driver. */
public final class TimerFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public TimerFactory() {}

  @Override
  public String name() {
    return "timer";
  }

  @Override
  public Component create() {
    return new TimerDriver();
  }
}
