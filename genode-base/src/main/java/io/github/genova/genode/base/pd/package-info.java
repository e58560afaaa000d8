/**
 * The PD service's session interface ({@link io.github.genova.genode.base.pd.PdSession}): RAM and capability
 * budget, RAM dataspaces, the address space.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.dataspace}, {@code ...base.quota}, {@code ...base.rm}
 * and {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.pd;

import org.jspecify.annotations.NullMarked;
