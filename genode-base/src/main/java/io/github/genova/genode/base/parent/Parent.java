package io.github.genova.genode.base.parent;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.quota.InsufficientCapQuota;
import io.github.genova.genode.base.quota.InsufficientRamQuota;
import io.github.genova.genode.base.quota.OutOfCaps;
import io.github.genova.genode.base.quota.OutOfRam;
import io.github.genova.genode.base.root.Root;
import io.github.genova.genode.base.rpc.Bound;
import io.github.genova.genode.base.rpc.RpcFunction;
import io.github.genova.genode.base.session.ServiceDenied;

/**
 * A component's parent, the classic Genode parent interface (opcodes 0–4 in its order): the component
 * opens, upgrades and closes sessions through it, announces the services it provides and reports its
 * exit. The parent decides where each request goes and moves the donated quota (the {@code ram_quota} and
 * {@code cap_quota} arguments) from the component to the server and back.
 *
 * <p>The component's initial sessions, which its parent opened when creating it, are obtained as sessions
 * of the pseudo services {@link #ENV_LOG} etc.; they cannot be closed.
 */
public interface Parent {
  /** The pseudo service naming the component's initial LOG session. */
  String ENV_LOG = "Env::log_session";
  /** The pseudo service naming the component's initial PD session. */
  String ENV_PD = "Env::pd_session";
  /** The pseudo service naming the component's initial CPU session. */
  String ENV_CPU = "Env::cpu_session";
  /** The pseudo service naming the component's initial RM session. */
  String ENV_RM = "Env::rm_session";
  /** The longest service name, in bytes including the terminating NUL. */
  int NAME_BOUND = 64;

  /** Reports that the component has finished with {@code exitValue}; the parent then destroys it. */
  @RpcFunction(0)
  void exit(int exitValue);

  /** Announces that the component provides service {@code name}, served by {@code root}. */
  @RpcFunction(1)
  void announce(@Bound(NAME_BOUND) String name, Capability<Root> root);

  /**
   * Opens a session of service {@code service} with {@code args} ({@code label}, {@code ram_quota},
   * {@code cap_quota} and the service's own keys).
   *
   * @throws ServiceDenied if no route leads to the service, the server refuses or the arguments are
   *     malformed; the parent logs why
   * @throws OutOfRam if the component cannot donate the {@code ram_quota} it offers
   * @throws OutOfCaps if the component cannot donate the {@code cap_quota} it offers
   * @throws InsufficientRamQuota if the server needs more RAM than donated
   * @throws InsufficientCapQuota if the server needs more capabilities than donated
   */
  @RpcFunction(2)
  Capability<Object> session(@Bound(NAME_BOUND) String service, @Bound(Root.ARGS_BOUND) String args)
      throws ServiceDenied, OutOfRam, OutOfCaps, InsufficientRamQuota, InsufficientCapQuota;

  /**
   * Donates the {@code ram_quota} and {@code cap_quota} of {@code args} to the server of {@code session}.
   *
   * @throws OutOfRam if the component cannot donate the RAM
   * @throws OutOfCaps if the component cannot donate the capabilities
   */
  @RpcFunction(3)
  void upgrade(Capability<Object> session, @Bound(Root.ARGS_BOUND) String args) throws OutOfRam, OutOfCaps;

  /**
   * Closes {@code session}; its donation returns to the component. Initial sessions and unknown
   * capabilities are left alone.
   */
  @RpcFunction(4)
  void close(Capability<Object> session);
}
