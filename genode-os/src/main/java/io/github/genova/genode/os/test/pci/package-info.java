/**
 * Genode's PCI test as a component ({@link io.github.genova.genode.os.test.pci.PciTest}, the binary {@code
 * test-pci}): it walks the PCI bus through a PCI session and logs each function and its resources.
 *
 * <p>May depend on {@code genode-base} and {@code ...os.pci}.
 */
@NullMarked
package io.github.genova.genode.os.test.pci;

import org.jspecify.annotations.NullMarked;
