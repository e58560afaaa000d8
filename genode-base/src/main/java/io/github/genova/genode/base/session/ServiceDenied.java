package io.github.genova.genode.base.session;

/**
 * A session request was refused (Genode's {@code Service_denied}): no route leads to the service, the
 * server does not offer the session asked for, or the arguments are malformed. Retrying the same request
 * does not help. Nothing was donated.
 */
public final class ServiceDenied extends Exception {
  private static final long serialVersionUID = 1L;

  /** Creates the exception as an RPC stub rethrows it, without a reason. */
  public ServiceDenied() {
    super("service denied");
  }

  /** Creates the exception with {@code reason}. */
  public ServiceDenied(String reason) {
    super("service denied: " + reason);
  }
}
