/**
 * The Intel 8254 programmable interval timer at ports 0x40-0x43 and the PC's system control port B
 * (0x61), which gates channel 2 and reads its output. Counts are computed from the machine clock at
 * 1 193 182 Hz, never ticked; channel 0's IRQ 0 edges are scheduled as clock deadlines.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.pit;

import org.jspecify.annotations.NullMarked;
