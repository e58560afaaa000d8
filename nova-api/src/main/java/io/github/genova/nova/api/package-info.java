/**
 * The NOVA microhypervisor's classic (2014) kernel interface: hypercall numbers, status codes,
 * capability range descriptors, message transfer descriptors, the UTCB layout, the HIP and event
 * numbers.
 *
 * <p>This module is the bottom of the layer diagram: it may depend on the JDK only. Genode code
 * speaks to a kernel exclusively through these types and never names an implementation.
 */
@NullMarked
package io.github.genova.nova.api;

import org.jspecify.annotations.NullMarked;
