/**
 * The session interfaces of device access: I/O ports ({@link io.github.genova.genode.base.io.IoPortSession})
 * and interrupts ({@link io.github.genova.genode.base.io.IrqSession}).
 *
 * <p>May depend on {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.io;

import org.jspecify.annotations.NullMarked;
