/**
 * The platform SPI: what a kernel and a CPU engine need from the machine they run on. A {@link
 * io.github.genova.platform.Machine} has CPUs, off-heap physical memory with holes, a clock (virtual or
 * real) with a {@link io.github.genova.platform.DeadlineQueue} of device timer events, the I/O-port and
 * MMIO buses and the physical address space over RAM and MMIO, the ISA interrupt lines feeding the
 * global system interrupts, the reset/A20 system lines, and the devices attached by {@link
 * io.github.genova.platform.DeviceFactory}s. Device models live in {@code io.github.genova.platform.device.*}
 * and depend on this package; this package depends on none of them, only on the engine SPI
 * {@code io.github.genova.platform.x86}: {@link io.github.genova.platform.MachineCpu} wires an engine CPU to
 * the machine, whose {@link io.github.genova.platform.PhysicalBus} and {@link io.github.genova.platform.PortBus}
 * are the CPU's memory and port callbacks.
 *
 * <p>This module sits at the bottom of the layer diagram beside {@code nova-api}: it may depend on the
 * JDK only, and knows nothing of NOVA or Genode.
 */
@NullMarked
package io.github.genova.platform;

import org.jspecify.annotations.NullMarked;
