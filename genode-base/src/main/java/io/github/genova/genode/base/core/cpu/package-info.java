/**
 * Core's CPU service ({@link io.github.genova.genode.base.core.cpu.CpuRoot}).
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap}, {@code ...base.cpu}, {@code ...base.log}, {@code
 * ...base.nova}, {@code ...base.quota}, {@code ...base.root}, {@code ...base.rpc} and {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.core.cpu;

import org.jspecify.annotations.NullMarked;
