/**
 * The x86 execution engine SPI: the architectural CPU state ({@link io.github.genova.platform.x86.X86State}),
 * the callbacks through which a CPU reaches physical memory and I/O ports
 * ({@link io.github.genova.platform.x86.X86Memory}, {@link io.github.genova.platform.x86.IoPorts}), the CPU
 * itself ({@link io.github.genova.platform.x86.X86Cpu}) with its run/step/stop API and exit reasons, and the
 * backend providers found by {@link java.util.ServiceLoader} ({@link io.github.genova.platform.x86.X86Backend}).
 *
 * <p>Used standalone, the way Genode's VESA driver uses x86emu: give a CPU memory and port callbacks, set
 * CS:IP and run ({@link io.github.genova.platform.x86.PagedRam} is plain memory for that). Inside a machine,
 * {@code io.github.genova.platform.MachineCpu} does the wiring. Depends on the JDK only.
 */
@NullMarked
package io.github.genova.platform.x86;

import org.jspecify.annotations.NullMarked;
