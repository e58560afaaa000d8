/**
 * The PCI host bridge of a PC: configuration mechanism #1 at ports 0xCF8/0xCFC-0xCFF, the functions on
 * bus 0 and on the buses behind PCI-to-PCI bridges with their configuration spaces (identification,
 * command/status, 32- and 64-bit BARs with size probing, interrupt line and pin, a bridge's bus numbers and
 * windows), and the i440FX-style host bridge at 00:00.0. Devices add their own functions.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.pci;

import org.jspecify.annotations.NullMarked;
