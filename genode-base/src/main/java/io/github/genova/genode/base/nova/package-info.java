/**
 * Genode's NOVA binding (Genode's {@code base-nova}): the component's own protection domain as its host
 * code sees it ({@link io.github.genova.genode.base.nova.NativePd}), the kernel side of each thread and
 * entrypoint ({@link io.github.genova.genode.base.nova.NativeThread}: EC, UTCB, blocking semaphore, receive
 * window) and the stack area that places their UTCBs.
 *
 * <p>May depend on {@code nova-api}, {@code ...base.cap} and {@code ...base.log}.
 */
@NullMarked
package io.github.genova.genode.base.nova;

import org.jspecify.annotations.NullMarked;
