package io.github.genova.genode.os.test.capintegrity;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.Session;

/**
 * A session of the {@link TargetServer}: creates {@link Target} objects, dissolves them, revokes them from
 * whoever they were handed to, and answers what the server sees of a capability sent to it. Closing the
 * session dissolves its targets.
 */
public interface TargetSession extends Session {
  /** The service name. */
  String SERVICE_NAME = "Target";
  /** The most targets one session serves at a time. */
  int MAX_TARGETS = 8;
  /** {@link #identify}: the capability arrived as the invalid capability. */
  long ARRIVED_INVALID = -1;
  /** {@link #identify}: the capability arrived valid but names no target of the server. */
  long NOT_A_TARGET = -2;

  /**
   * Creates a target and returns its capability (delegated to the caller); the invalid capability when the
   * session serves {@link #MAX_TARGETS} already.
   */
  @RpcFunction(0)
  Capability<Target> create();

  /**
   * Returns the selector that names {@code target} in the server's own PD (its local name there, as plain
   * data), or -1 if {@code target} is no target of this session.
   */
  @RpcFunction(1)
  long serverSelector(Capability<Target> target);

  /**
   * Returns the id of the target {@code cap} resolves to at the server (a capability of the server's own
   * object comes back translated to the server's selector), {@link #ARRIVED_INVALID} or {@link
   * #NOT_A_TARGET}.
   */
  @RpcFunction(2)
  long identify(Capability<Object> cap);

  /**
   * Revokes {@code target} from everyone the server handed it to, keeping it served: the server's own
   * capability stays. Returns false if {@code target} is no target of this session.
   */
  @RpcFunction(3)
  boolean revoke(Capability<Target> target);

  /** Dissolves {@code target}; returns false if it is no target of this session. */
  @RpcFunction(4)
  boolean dissolve(Capability<Target> target);

  /** Returns how many targets the session serves. */
  @RpcFunction(5)
  int targets();

  /** Returns how many calls of targets ran server code, over all sessions of the server. */
  @RpcFunction(6)
  long dispatches();
}
