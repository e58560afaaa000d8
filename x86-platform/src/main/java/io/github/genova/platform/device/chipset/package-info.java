/**
 * PC chipset glue outside the classic ISA parts: system control port A (0x92) with the fast A20 gate and
 * the fast CPU reset, and the system BIOS ROM mapping ({@link io.github.genova.platform.device.chipset.BiosRom}).
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.chipset;

import org.jspecify.annotations.NullMarked;
