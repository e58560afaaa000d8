package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.child.Service;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The services init's children announced, by provider and service name. Thread-safe.
 *
 * <p>Genode's init lets a request for a provided but not yet announced service wait for the announcement.
 * Here a child's parent calls are served by init's single entrypoint, so a request waiting in it would keep
 * the announcement out: such requests are denied instead (see {@link InitChildPolicy}).
 */
final class AnnouncedServices {
  private record Key(String provider, String service) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = provider.compareTo(o.provider);
      return c != 0 ? c : service.compareTo(o.service);
    }
  }

  private final Map<Key, Service> services = new TreeMap<>();

  /** Records that {@code provider} announced {@code service}; a later announcement replaces it. */
  synchronized void announce(String provider, Service service) {
    services.put(new Key(provider, service.name()), service);
  }

  /** Returns service {@code name} of {@code provider}, if announced. */
  synchronized Optional<Service> lookup(String provider, String name) {
    return Optional.ofNullable(services.get(new Key(provider, name)));
  }
}
