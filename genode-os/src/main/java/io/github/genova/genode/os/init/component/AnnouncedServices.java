package io.github.genova.genode.os.init.component;

import io.github.genova.genode.base.child.Service;
import io.github.genova.genode.base.sync.Blockade;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The services init's children announced, by provider and service name, and the requests waiting for an
 * announcement. Thread-safe: each child's parent calls arrive on its own entrypoint, so a request may wait
 * here (its child's entrypoint blocked on a {@link Blockade}) while the provider's announcement arrives on
 * the provider's entrypoint and wakes it. A provider that is gone (exited, or never started) wakes its
 * waiters for good, which then see no service.
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
  private final Set<String> gone = new TreeSet<>();
  /** Blocked requests by the provider they wait for, in arrival order. */
  private final Map<String, List<Blockade>> waiting = new TreeMap<>();

  /** Records that {@code provider} announced {@code service}, waking requests waiting for it. */
  void announce(String provider, Service service) {
    wakeWaitersOf(provider, () -> services.put(new Key(provider, service.name()), service));
  }

  /** Records that {@code provider} will announce nothing more, waking requests waiting for it. */
  void providerGone(String provider) {
    wakeWaitersOf(provider, () -> gone.add(provider));
  }

  /**
   * Returns service {@code name} of {@code provider}, blocking the calling thread until it is announced;
   * empty if the provider is gone without announcing it.
   */
  Optional<Service> await(String provider, String name) {
    while (true) {
      Blockade blockade = new Blockade();
      synchronized (this) {
        Service service = services.get(new Key(provider, name));
        if (service != null) {
          return Optional.of(service);
        }
        if (gone.contains(provider)) {
          return Optional.empty();
        }
        waiting.computeIfAbsent(provider, p -> new ArrayList<>()).add(blockade);
      }
      blockade.block();
    }
  }

  private void wakeWaitersOf(String provider, Runnable change) {
    List<Blockade> woken;
    synchronized (this) {
      change.run();
      woken = waiting.remove(provider);
    }
    if (woken != null) {
      woken.forEach(Blockade::wakeup);
    }
  }
}
