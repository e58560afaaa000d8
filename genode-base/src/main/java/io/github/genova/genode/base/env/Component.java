package io.github.genova.genode.base.env;

/**
 * A component's code: {@link #construct} runs once on the component's main thread, as today's Genode's
 * {@code Component::construct}; afterwards the component lives on in its entrypoint and threads.
 */
@FunctionalInterface
public interface Component {
  /** Builds the component in its environment. */
  void construct(Env env);
}
