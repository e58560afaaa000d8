/**
 * The CPU service's session interface ({@link io.github.genova.genode.base.cpu.CpuSession}): scheduling
 * contexts, priorities and CPU placement of a component's threads.
 *
 * <p>May depend on {@code ...base.cap} and {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.cpu;

import org.jspecify.annotations.NullMarked;
