package io.github.genova.genode.base.child;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services a parent can route to, by name (core's local services, a parent's own parent services,
 * children's announced services). Thread-safe; names are unique.
 */
public final class ServiceRegistry {
  private final Map<String, Service> services = new TreeMap<>();

  /** Creates an empty registry. */
  public ServiceRegistry() {}

  /**
   * Adds {@code service}.
   *
   * @throws IllegalArgumentException if a service of that name is registered
   */
  public synchronized void register(Service service) {
    if (services.putIfAbsent(service.name(), service) != null) {
      throw new IllegalArgumentException("service \"" + service.name() + "\" is already registered");
    }
  }

  /** Removes the service named {@code name}, if registered. */
  public synchronized void unregister(String name) {
    services.remove(name);
  }

  /** Returns the service named {@code name}, if registered. */
  public synchronized Optional<Service> lookup(String name) {
    return Optional.ofNullable(services.get(name));
  }

  /** Returns the registered names in order. */
  public synchronized List<String> names() {
    return List.copyOf(services.keySet());
  }
}
