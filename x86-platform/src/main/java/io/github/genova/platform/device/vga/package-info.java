/**
 * A VGA adapter as QEMU's standard VGA (PCI 1234:1111) presents it: the VGA register files a BIOS
 * programs for text mode, the legacy memory window with text memory at 0xB8000, the Bochs VBE/DISPI
 * interface at 0x1CE/0x1CF and a linear framebuffer behind BAR0 backed by off-heap VRAM, plus the host's
 * view of the current display mode, text screen and framebuffer; its expansion ROM is the platform's
 * VGA option ROM.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}), the PCI model
 * ({@code io.github.genova.platform.device.pci}) and the firmware ({@code io.github.genova.platform.firmware})
 * only.
 */
@NullMarked
package io.github.genova.platform.device.vga;

import org.jspecify.annotations.NullMarked;
