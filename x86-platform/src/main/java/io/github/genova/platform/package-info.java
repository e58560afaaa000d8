/**
 * The platform SPI: what a kernel needs from the machine it runs on (CPUs, clock, physical memory,
 * interrupt lines), shaped so the full PC model can grow behind it.
 *
 * <p>This module sits at the bottom of the layer diagram beside {@code nova-api}: it may depend on the
 * JDK only, and knows nothing of NOVA or Genode.
 */
@NullMarked
package io.github.genova.platform;

import org.jspecify.annotations.NullMarked;
