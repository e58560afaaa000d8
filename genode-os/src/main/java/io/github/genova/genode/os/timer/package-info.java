/**
 * The Timer service as clients use it: the session interface {@link
 * io.github.genova.genode.os.timer.TimerSession} and the client helper {@link
 * io.github.genova.genode.os.timer.TimerConnection} (blocking {@code msleep}/{@code usleep} built on a
 * signal, as Genode's {@code Timer::Connection}).
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.timer;

import org.jspecify.annotations.NullMarked;
