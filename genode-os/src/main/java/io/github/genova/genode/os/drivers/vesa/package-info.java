/**
 * Genode's classic {@code vesa_drv}: a component that runs the VGA option ROM's real-mode code in an x86
 * interpreter of its own — over a sandbox of the first MiB built from core's IO_MEM where core grants it,
 * with port accesses going to the machine through IO_PORT sessions and PCI configuration accesses reaching
 * the VGA device through a PCI session — to set a VBE mode with a linear framebuffer, and then serves that
 * framebuffer through the Framebuffer service.
 *
 * <p>May depend on {@code genode-base}, {@code os.framebuffer}, {@code os.hw}, {@code os.pci} and the x86
 * engine of {@code x86-platform} ({@code platform.x86}); never on the machine or its devices.
 */
@NullMarked
package io.github.genova.genode.os.drivers.vesa;

import org.jspecify.annotations.NullMarked;
