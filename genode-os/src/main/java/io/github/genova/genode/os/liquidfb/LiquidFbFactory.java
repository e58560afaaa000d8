package io.github.genova.genode.os.liquidfb;

import io.github.genova.genode.base.env.Component;
import io.github.genova.genode.base.env.ComponentFactory;

/** Makes {@link LiquidFb} known as the binary {@code liquid_fb}, as Genode names it. */
public final class LiquidFbFactory implements ComponentFactory {
  /** Creates the factory (the service loader does). */
  public LiquidFbFactory() {}

  @Override
  public String name() {
    return "liquid_fb";
  }

  @Override
  public Component create() {
    return new LiquidFb();
  }
}
