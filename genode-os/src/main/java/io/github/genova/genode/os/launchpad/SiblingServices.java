package io.github.genova.genode.os.launchpad;

import io.github.genova.genode.base.child.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The services launchpad's children announced, in the order they announced them. A session request of a
 * child goes to the first sibling that announced the service (never to the requester itself, which would wait
 * for its own answer), and only if no sibling offers it to launchpad's parent. A killed child's services are
 * withdrawn. Thread-safe: children announce and request on their own entrypoints.
 */
final class SiblingServices {
  /** Service {@code service} announced by child {@code provider}. */
  private record Announcement(String provider, Service service) {}

  private final List<Announcement> announced = new ArrayList<>();

  /** Records that child {@code provider} offers {@code service}, replacing what it announced under that name. */
  synchronized void announce(String provider, Service service) {
    announced.removeIf(a -> a.provider().equals(provider) && a.service().name().equals(service.name()));
    announced.add(new Announcement(provider, service));
  }

  /** Returns the service {@code name} of the first sibling of {@code requester} that announced it, if any. */
  synchronized Optional<Service> lookup(String name, String requester) {
    for (Announcement a : announced) {
      if (a.service().name().equals(name) && !a.provider().equals(requester)) {
        return Optional.of(a.service());
      }
    }
    return Optional.empty();
  }

  /**
   * Returns where launchpad routes child {@code requester}'s request for service {@code name}: to the first
   * sibling that announced it, else to {@code parent}'s service.
   */
  Service route(String name, String requester, Supplier<Service> parent) {
    return lookup(name, requester).orElseGet(parent);
  }

  /** Forgets every service of child {@code provider}. */
  synchronized void withdraw(String provider) {
    announced.removeIf(a -> a.provider().equals(provider));
  }
}
