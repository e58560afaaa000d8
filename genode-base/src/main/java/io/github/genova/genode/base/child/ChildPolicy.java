package io.github.genova.genode.base.child;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.session.ServiceDenied;
import io.github.genova.genode.base.session.SessionRequest;

/**
 * What a parent decides for one child (Genode's {@code Child_policy}): where the child's session requests
 * go, what becomes of the services it announces, and what happens when it exits. Called on the thread of
 * the child's call, so implementations must be thread-safe.
 */
public interface ChildPolicy {
  /**
   * Returns the service for {@code request}, whose label already carries the child's name.
   *
   * @throws ServiceDenied if no route leads to a service
   */
  Service resolveSessionRequest(SessionRequest request) throws ServiceDenied;

  /** Takes note that {@code child} provides service {@code name} through {@code root}; the default refuses. */
  default void announce(Child child, String name, Capability<Root> root) {
    child.log().warning("child \"" + child.name() + "\" announced \"" + name + "\", which nobody asked for");
  }

  /**
   * Prepares the child's initial event window before its first thread runs; {@code window} is the parent's
   * selector of the window's first slot. The default puts the pager of the child's PD session at the
   * page-fault slot ({@link Child#requestPager}), so the PD service pages the child wherever it sits in the
   * tree. Core, which is the PD service, installs its pager's portal itself.
   */
  default void prepareEventWindow(Child child, long window) {
    child.requestPager(window);
  }

  /** Takes note that {@code child} exited with {@code exitValue}; the parent destroys it afterwards. */
  default void exited(Child child, int exitValue) {}
}
