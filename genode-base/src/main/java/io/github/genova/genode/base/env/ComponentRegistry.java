package io.github.genova.genode.base.env;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The components a system knows by binary name: what a parent looks up when a child's binary ROM module
 * is a Java component. Built from {@link ComponentFactory} providers or given explicitly; names are unique.
 */
public final class ComponentRegistry {
  private final Map<String, ComponentFactory> factories;

  private ComponentRegistry(Map<String, ComponentFactory> factories) {
    this.factories = factories;
  }

  /**
   * Returns the registry of every {@link ComponentFactory} the service loader finds.
   *
   * @throws IllegalStateException if two providers claim the same name
   */
  public static ComponentRegistry loaded() {
    return of(ServiceLoader.load(ComponentFactory.class).stream().map(ServiceLoader.Provider::get).toList());
  }

  /**
   * Returns the registry of {@code factories}.
   *
   * @throws IllegalStateException if two factories claim the same name
   */
  public static ComponentRegistry of(List<ComponentFactory> factories) {
    Map<String, ComponentFactory> byName = new TreeMap<>();
    for (ComponentFactory f : factories) {
      ComponentFactory previous = byName.putIfAbsent(f.name(), f);
      if (previous != null) {
        throw new IllegalStateException("two components are named \"" + f.name() + "\": "
            + previous.getClass().getName() + " and " + f.getClass().getName());
      }
    }
    return new ComponentRegistry(byName);
  }

  /** Returns a registry holding {@code component} under {@code name}, besides these. */
  public ComponentRegistry with(String name, Component component) {
    Map<String, ComponentFactory> more = new TreeMap<>(factories);
    more.put(name, new ComponentFactory() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Component create() {
        return component;
      }
    });
    return new ComponentRegistry(more);
  }

  /** Returns the component named {@code name}, if known. */
  public Optional<Component> lookup(String name) {
    ComponentFactory f = factories.get(name);
    return f == null ? Optional.empty() : Optional.of(f.create());
  }

  /** Returns the known names in order. */
  public List<String> names() {
    return List.copyOf(factories.keySet());
  }
}
