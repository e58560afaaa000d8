/**
 * Core's device services: IO_PORT ({@link io.github.genova.genode.base.core.io.IoPortRoot}), IO_MEM
 * ({@link io.github.genova.genode.base.core.io.IoMemRoot}) and IRQ ({@link
 * io.github.genova.genode.base.core.io.IrqRoot}).
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap}, {@code ...base.core.memory}, {@code
 * ...base.dataspace}, {@code ...base.io}, {@code ...base.log}, {@code ...base.nova}, {@code
 * ...base.quota}, {@code ...base.root}, {@code ...base.rpc} and {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.core.io;

import org.jspecify.annotations.NullMarked;
