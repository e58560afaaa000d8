/**
 * Genode's PCI session ({@code Pci::Session}, service {@value io.github.genova.genode.os.pci.PciSession#SERVICE_NAME}):
 * a client walks the functions of the PCI bus in bus order with {@link
 * io.github.genova.genode.os.pci.PciSession#firstDevice()} and {@link
 * io.github.genova.genode.os.pci.PciSession#nextDevice}, gets one {@link io.github.genova.genode.os.pci.PciDevice}
 * capability per function (identity, class, decoded {@link io.github.genova.genode.os.pci.Resource resources},
 * configuration-space access) and gives it back with {@link io.github.genova.genode.os.pci.PciSession#releaseDevice}.
 * {@link io.github.genova.genode.os.pci.PciConnection} opens a session at the component's parent.
 *
 * <p>May depend on {@code genode-base} only.
 */
@NullMarked
package io.github.genova.genode.os.pci;

import org.jspecify.annotations.NullMarked;
