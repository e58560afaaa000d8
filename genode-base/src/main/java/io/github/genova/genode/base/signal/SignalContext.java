package io.github.genova.genode.base.signal;

/**
 * A signal context: the receiver-side identity of one signal source. A {@link SignalReceiver} manages it
 * and hands out a capability to it; the {@link Signal}s delivered for it name this object. Subclass it to
 * carry what the receiver needs to know about the source.
 */
public class SignalContext {
  /** Creates an unmanaged context. */
  public SignalContext() {}
}
