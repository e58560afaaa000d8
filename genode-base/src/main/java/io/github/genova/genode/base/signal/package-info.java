/**
 * Genode's asynchronous notifications: {@link io.github.genova.genode.base.signal.SignalContext} (one per
 * source), {@link io.github.genova.genode.base.signal.SignalReceiver} (manages contexts, hands out
 * delegable context capabilities, delivers {@link io.github.genova.genode.base.signal.Signal}s), {@link
 * io.github.genova.genode.base.signal.SignalTransmitter} (submits through a context capability) and {@link
 * io.github.genova.genode.base.signal.SignalHandler} (a context that runs code when dispatched).
 * Fire-and-forget, no payload; counts coalesce per context; pending contexts are delivered round-robin.
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap}, {@code ...base.nova}, {@code ...base.rpc},
 * {@code ...base.sync} and {@code ...base.thread}.
 */
@NullMarked
package io.github.genova.genode.base.signal;

import org.jspecify.annotations.NullMarked;
