/**
 * Genode's synchronisation primitives on NOVA: {@link io.github.genova.genode.base.sync.Lock} (the classic
 * cancelable lock), {@link io.github.genova.genode.base.sync.Mutex}, {@link
 * io.github.genova.genode.base.sync.Blockade} and {@link io.github.genova.genode.base.sync.Semaphore}. None
 * of them owns a kernel object: a thread blocks on its own semaphore and is woken peer to peer by the
 * thread that releases it, so a wake-up sent before the waiter blocks is not lost. The short critical
 * sections guarding their queues never enter the kernel.
 *
 * <p>May depend on {@code nova-api}, {@code ...base.nova} and {@code ...base.log}.
 */
@NullMarked
package io.github.genova.genode.base.sync;

import org.jspecify.annotations.NullMarked;
