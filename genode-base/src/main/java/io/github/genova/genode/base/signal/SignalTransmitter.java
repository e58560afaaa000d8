package io.github.genova.genode.base.signal;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.nova.IpcError;
import io.github.genova.genode.base.nova.NativeThread;
import io.github.genova.genode.base.rpc.RpcInterface;

/**
 * Submits signals through a signal-context capability. A submit never waits for the receiver; a signal
 * for a dissolved context (or an invalid capability) is dropped with a warning in the sender's log.
 */
public final class SignalTransmitter {
  private final Capability<SignalTarget> context;
  private final SignalTarget target;

  /** Creates a transmitter for {@code context}; used by whatever Genode thread calls {@link #submit}. */
  public SignalTransmitter(Capability<SignalTarget> context) {
    this.context = context;
    this.target = RpcInterface.of(SignalTarget.class).client(context);
  }

  /** Submits one signal. */
  public void submit() {
    submit(1);
  }

  /**
   * Submits {@code count} signals at once.
   *
   * @throws IllegalArgumentException if {@code count} is not positive
   */
  public void submit(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a signal count is positive: " + count);
    }
    if (!context.valid()) {
      NativeThread.current().pd().log().warning("signal dropped: invalid signal-context capability");
      return;
    }
    try {
      target.submit(count);
    } catch (IpcError e) {
      NativeThread.current().pd().log().warning("signal dropped: context " + context + " was dissolved");
    }
  }

  /** Returns the context capability. */
  public Capability<SignalTarget> context() {
    return context;
  }
}
