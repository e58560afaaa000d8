/**
 * Genode's classic demo component {@code launchpad}: a parent of its own children, started and killed by the
 * user through a nitpicker window. {@link io.github.genova.genode.os.launchpad.LaunchpadConfig} reads the
 * {@code <launcher>} entries, {@link io.github.genova.genode.os.launchpad.LaunchpadChildren} starts children
 * with quota out of launchpad's own and routes their session requests (a sibling's announced service first,
 * else launchpad's parent), and {@link io.github.genova.genode.os.launchpad.LaunchpadLayout} and {@link
 * io.github.genova.genode.os.launchpad.LaunchpadPainter} are the window: launchers with their quota bars, the
 * RAM status and the running children with their kill buttons.
 *
 * <p>May depend on {@code genode-base} (child, env, quota, session), {@code ...os.config}, {@code ...os.init} (config
 * errors, the config request) and {@code ...os.init.component} (the inline config ROM), {@code ...os.nitpicker}, {@code
 * ...os.nitpicker.server} (its canvas, font and colours), {@code ...os.input} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.launchpad;

import org.jspecify.annotations.NullMarked;
