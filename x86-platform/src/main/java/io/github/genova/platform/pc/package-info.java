/**
 * The standard PC: which device models a PC has, in which order they are attached, and a typed view of
 * them for the kernel, a CPU engine, host drivers and tests.
 *
 * <p>Depends on the platform SPI and the device model packages ({@code io.github.genova.platform.device.*}).
 */
@NullMarked
package io.github.genova.platform.pc;

import org.jspecify.annotations.NullMarked;
