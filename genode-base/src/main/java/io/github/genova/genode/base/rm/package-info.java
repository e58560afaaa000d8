/**
 * Region maps and the RM service's session interface: {@link io.github.genova.genode.base.rm.RegionMap}
 * (attach, detach, faults, managed dataspaces) and {@link io.github.genova.genode.base.rm.RmSession}.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.dataspace}, {@code ...base.rpc} and {@code
 * ...base.signal}.
 */
@NullMarked
package io.github.genova.genode.base.rm;

import org.jspecify.annotations.NullMarked;
