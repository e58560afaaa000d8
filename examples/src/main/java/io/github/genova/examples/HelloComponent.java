package io.github.genova.examples;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** The binary {@code hello}: logs "Hello world" through its LOG session and exits with 0. */
public final class HelloComponent implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public HelloComponent() {}

  @Override
  public String name() {
    return "hello";
  }

  @Override
  public Component create() {
    return env -> {
      env.log().log("Hello world");
      env.parentInterface().exit(0);
    };
  }
}
