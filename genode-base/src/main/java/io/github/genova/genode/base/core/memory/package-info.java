/**
 * Core's memory: the machine's RAM as contiguous ranges ({@link
 * io.github.genova.genode.base.core.memory.PhysicalMemory}), RAM dataspaces over them, and core's pager that
 * resolves page faults of core and of the address spaces it serves ({@link
 * io.github.genova.genode.base.core.memory.Pager}).
 *
 * <p>May depend on {@code nova-api}, {@code ...base.dataspace}, {@code ...base.log} and {@code ...base.nova}.
 */
@NullMarked
package io.github.genova.genode.base.core.memory;

import org.jspecify.annotations.NullMarked;
