/**
 * The server side of the Input service, for any driver that produces input events: the driver's {@link
 * io.github.genova.genode.os.input.server.EventQueue}, the session object {@link
 * io.github.genova.genode.os.input.server.InputSessionComponent} that flushes it into the client's event
 * dataspace, and the {@link io.github.genova.genode.os.input.server.InputRoot} a driver announces.
 *
 * <p>May depend on {@code genode-base} and {@code ...os.input}.
 */
@NullMarked
package io.github.genova.genode.os.input.server;

import org.jspecify.annotations.NullMarked;
