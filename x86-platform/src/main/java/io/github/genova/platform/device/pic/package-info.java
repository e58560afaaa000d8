/**
 * The dual Intel 8259A programmable interrupt controller of a PC: master at ports 0x20/0x21, slave at
 * 0xA0/0xA1 cascaded on master input 2, and the edge/level control registers at 0x4D0/0x4D1. It sees the
 * ISA interrupt lines as an {@link io.github.genova.platform.IrqSink} and answers a CPU's interrupt
 * acknowledge cycle with a vector.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.pic;

import org.jspecify.annotations.NullMarked;
