/**
 * The NS16550A UART of a PC serial port (COM1 at 0x3F8 with IRQ 4): its registers, FIFOs, interrupt
 * identification and loopback, with transmitted bytes going to a host stream and host input injected into
 * the receive FIFO.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.uart;

import org.jspecify.annotations.NullMarked;
