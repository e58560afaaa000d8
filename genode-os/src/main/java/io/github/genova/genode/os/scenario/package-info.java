/**
 * Genode's run tool as a Java API: a scenario (init's configuration and the components it starts) boots on
 * a fresh kernel in deterministic mode, core and init included, and the test waits in virtual time for the
 * LOG lines that mean success, failing with the log's tail when they do not come.
 *
 * <p>Depends on nova-api (to boot a kernel), genode-base (core), {@code io.github.genova.genode.os.init} and {@code
 * ...os.launchpad} (the parents among the binaries), and
 * for the standard PC's VGA option ROM module on {@code platform.firmware} and the name {@code
 * os.drivers.vesa} looks it up by.
 */
@NullMarked
package io.github.genova.genode.os.scenario;

import org.jspecify.annotations.NullMarked;
