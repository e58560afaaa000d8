/**
 * The session interfaces of device access: I/O ports ({@link io.github.genova.genode.base.io.IoPortSession}),
 * device memory ({@link io.github.genova.genode.base.io.IoMemSession}) and interrupts ({@link
 * io.github.genova.genode.base.io.IrqSession}).
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.dataspace} and {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.io;

import org.jspecify.annotations.NullMarked;
