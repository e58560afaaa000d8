package io.github.genova.genode.base.cpu;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * A CPU session (Genode's {@code Cpu_session}) on NOVA: a component creates its threads' execution contexts
 * itself and core gives each its scheduling context, at the priority the session was created with (the
 * {@code priority} argument, 0 the highest, up to {@link #PRIORITY_LIMIT}), on the CPU the thread was
 * created for, one of {@link #affinitySpace()}.
 */
public interface CpuSession {
  /** The service name. */
  String SERVICE_NAME = "CPU";
  /** The exclusive upper bound of the {@code priority} argument. */
  int PRIORITY_LIMIT = 1 << 16;

  /** The execution context named is not a global EC of the client, or has a scheduling context already. */
  final class ThreadCreationFailed extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates it. */
    public ThreadCreationFailed() {
      super("thread creation failed");
    }
  }

  /** Returns the number of CPUs threads may be placed on. */
  @RpcFunction(0)
  int affinitySpace();

  /** Returns the kernel priority (1..127) this session's threads run at. */
  @RpcFunction(1)
  int kernelPriority();

  /**
   * Starts the thread whose global EC is {@code ec}: core binds a scheduling context to it.
   *
   * @throws ThreadCreationFailed if the kernel refuses
   */
  @RpcFunction(2)
  void start(Capability<Object> ec) throws ThreadCreationFailed;
}
