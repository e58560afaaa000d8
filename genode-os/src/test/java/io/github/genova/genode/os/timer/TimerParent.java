package io.github.genova.genode.os.timer;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.rpc.RpcFunction;

/**
 * The parent interface the test's root task offers its client components until core's Parent exists:
 * Timer sessions from the root's timer driver, and an exit notification.
 */
public interface TimerParent {
  /** Opens a Timer session (invalid capability when refused). */
  @RpcFunction(0)
  Capability<TimerSession> openTimer();

  /** Closes a Timer session opened before. */
  @RpcFunction(1)
  void closeTimer(Capability<TimerSession> session);

  /** The child is done. */
  @RpcFunction(2)
  void exit(int value);
}
