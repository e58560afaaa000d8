package io.github.genova.genode.base.signal;

import java.util.function.Consumer;

/**
 * A signal context that runs code: {@link SignalReceiver#dispatch()} hands each of its signals to the
 * handler function (today's Genode's {@code Signal_handler}, calling a member function of the component).
 */
public final class SignalHandler extends SignalContext {
  private final Consumer<Signal> handler;

  /** Creates a handler context that passes its signals to {@code handler}. */
  public SignalHandler(Consumer<Signal> handler) {
    this.handler = handler;
  }

  /** Runs the handler for {@code signal}. */
  void handle(Signal signal) {
    handler.accept(signal);
  }
}
