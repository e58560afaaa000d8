package io.github.genova.genode.base.session;

/**
 * A request for a session: the service's name, the arguments (label, donated quota, service-specific
 * keys) and the affinity, as a client hands it to its parent and a parent passes it on.
 *
 * @param service the service name, e.g. {@code "LOG"}
 * @param args the session arguments
 * @param affinity where the session's threads should run
 */
public record SessionRequest(String service, SessionArgs args, Affinity affinity) {
  /** Rejects an empty service name. */
  public SessionRequest {
    if (service.isEmpty()) {
      throw new IllegalArgumentException("a session request needs a service name");
    }
  }

  /** Returns a request for {@code service} with {@code args} and no affinity restriction. */
  public static SessionRequest of(String service, SessionArgs args) {
    return new SessionRequest(service, args, Affinity.UNRESTRICTED);
  }

  /** Returns the label, empty when the arguments have none. */
  public SessionLabel label() {
    return args.label();
  }

  /**
   * Returns the donated quota.
   *
   * @throws SessionArgsException if {@code ram_quota} or {@code cap_quota} is malformed
   */
  public Session.Resources resources() {
    return Session.Resources.from(args);
  }

  /**
   * Returns the diagnostics flag.
   *
   * @throws SessionArgsException if {@code diag} is malformed
   */
  public Session.Diag diag() {
    return Session.Diag.from(args);
  }

  /**
   * Returns the request as the parent of child {@code child} passes it on: the label prefixed with the
   * child's name ({@code "<child> -> <label>"}, or just the name), everything else unchanged.
   */
  public SessionRequest prefixedBy(String child) {
    return new SessionRequest(service, args.with(SessionLabel.prefixed(child, label())), affinity);
  }
}
