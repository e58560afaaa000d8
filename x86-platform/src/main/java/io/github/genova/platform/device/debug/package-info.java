/**
 * Firmware debug outputs: the Bochs/QEMU debug console ports (0xE9, 0x402), whose bytes go to a host
 * stream, and the POST code ports (0x80, 0x190), whose last code the host can read or watch.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.debug;

import org.jspecify.annotations.NullMarked;
