/**
 * Genode's timer test as a component ({@link io.github.genova.genode.os.test.timer.TimerTest}, the binary
 * {@code test-timer}): a two-second timeout, then periodic sleepers of several periods that run side by side,
 * with Genode's log lines, from {@code --- timer test ---} to {@code --- timer test finished ---}.
 *
 * <p>May depend on {@code genode-base} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.test.timer;

import org.jspecify.annotations.NullMarked;
