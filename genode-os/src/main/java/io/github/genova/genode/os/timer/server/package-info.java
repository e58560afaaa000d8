/**
 * The timer driver's server side: {@link io.github.genova.genode.os.timer.server.TimeoutScheduler}
 * (every session's timeouts on the one-shot PIT), {@link
 * io.github.genova.genode.os.timer.server.TimerSessionComponent} (one session) and {@link
 * io.github.genova.genode.os.timer.server.TimerService} (creates and closes sessions, runs the interrupt
 * thread), its {@link io.github.genova.genode.os.timer.server.TimerRoot} announced to the parent, and the
 * driver as the component {@code timer} ({@link io.github.genova.genode.os.timer.server.TimerDriver},
 * which gets the PIT's ports and interrupt through IO_PORT and IRQ sessions).
 *
 * <p>May depend on {@code genode-base}, {@code ...os.hw}, {@code ...os.timer} and {@code
 * ...os.timer.pit}.
 */
@NullMarked
package io.github.genova.genode.os.timer.server;

import org.jspecify.annotations.NullMarked;
