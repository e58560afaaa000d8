package io.github.genova.genode.base.env;

/**
 * A component as a boot module names it: a provider (found with {@link java.util.ServiceLoader}, declared
 * with {@code provides io.github.genova.genode.base.env.ComponentFactory with ...}) that creates the
 * component's code for a ROM module of its {@link #name()}, so the boot module {@code timer} finds the timer.
 */
public interface ComponentFactory {
  /** Returns the name of the binary this factory stands for, e.g. {@code init} or {@code timer}. */
  String name();

  /** Creates a fresh instance of the component's code. */
  Component create();
}
