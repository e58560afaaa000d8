/**
 * The PC's CMOS RAM and MC146818 real-time clock at ports 0x70/0x71: calendar time in BCD or binary,
 * 12- or 24-hour form, status registers A-D with periodic, alarm and update-ended interrupts on ISA IRQ 8,
 * the BIOS's memory-size and equipment bytes filled from the machine, and the NMI mask bit of port 0x70.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) and {@code java.time} only.
 */
@NullMarked
package io.github.genova.platform.device.rtc;

import org.jspecify.annotations.NullMarked;
