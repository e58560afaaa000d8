/**
 * The ROM service's session interface ({@link io.github.genova.genode.base.rom.RomSession}): boot modules and
 * other read-only files as dataspaces.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.dataspace} and {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.rom;

import org.jspecify.annotations.NullMarked;
