package io.github.genova.genode.base.nova;

/**
 * Thrown at an RPC client when the call could not be delivered: the capability names no object (it was
 * never valid, or the object was dissolved and its portal revoked), or the server did not answer with a
 * protocol word. Genode's {@code Ipc_error}; server code never ran for such a call.
 */
public final class IpcError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates the error for a call the server answered with INVALID_OBJECT. */
  public IpcError() {
    super("tried to call an invalid object");
  }

  /** Creates the error for a call through selector {@code selector}. */
  public IpcError(long selector) {
    super("tried to call an invalid object (selector 0x" + Long.toHexString(selector) + ")");
  }
}
