/**
 * Genode's PCI driver ({@code pci_drv}): configuration mechanism #1 through an IO_PORT session for
 * 0xCF8-0xCFF ({@code ConfigMechanism1}), the scan of bus 0 and the
 * buses behind PCI-to-PCI bridges ({@code BusScan}), the decoding and
 * sizing of base address registers ({@code BarDecoder}), and the PCI
 * service ({@code PciRoot}) that hands each function to one session at
 * a time.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.hw} and {@code ...os.pci}.
 */
@NullMarked
package io.github.genova.genode.os.drivers.pci;

import org.jspecify.annotations.NullMarked;
