package io.github.genova.genode.os.test.framebuffer;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link FramebufferTest} known as the binary {@code test-framebuffer}, as Genode names it. */
public final class FramebufferTestFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public FramebufferTestFactory() {}

  @Override
  public String name() {
    return "test-framebuffer";
  }

  @Override
  public Component create() {
    return new FramebufferTest();
  }
}
