/**
 * Dataspaces: the {@link io.github.genova.genode.base.dataspace.Dataspace} interface of memory that is passed
 * by capability and attached to region maps.
 *
 * <p>May depend on {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.dataspace;

import org.jspecify.annotations.NullMarked;
