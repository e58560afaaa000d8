/**
 * How drivers reach hardware: {@link io.github.genova.genode.os.hw.IoPorts} (port I/O) and {@link
 * io.github.genova.genode.os.hw.Irq} (waiting for an interrupt), with their NOVA implementations — the
 * calling EC's own {@code in}/{@code out} on ports delegated to its PD ({@link
 * io.github.genova.genode.os.hw.GateIoPorts}, what a driver does once core's IO_PORT session mapped the
 * range) and a down on an interrupt semaphore ({@link io.github.genova.genode.os.hw.SemaphoreIrq}, what
 * core's IRQ session hands out on NOVA) — and their session-backed forms for a driver under init, opened
 * through the parent ({@link io.github.genova.genode.os.hw.IoPortConnection}, {@link
 * io.github.genova.genode.os.hw.IrqConnection}), where core performs the accesses and waits.
 *
 * <p>May depend on {@code nova-api} and {@code genode-base}'s {@code nova}, {@code env}, {@code io},
 * {@code quota} and {@code session} packages.
 */
@NullMarked
package io.github.genova.genode.os.hw;

import org.jspecify.annotations.NullMarked;
