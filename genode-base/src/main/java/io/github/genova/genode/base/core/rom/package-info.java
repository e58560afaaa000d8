/**
 * Core's ROM service ({@link io.github.genova.genode.base.core.rom.RomRoot}): boot modules as read-only
 * dataspaces.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.core.memory}, {@code ...base.dataspace}, {@code
 * ...base.log}, {@code ...base.quota}, {@code ...base.rom}, {@code ...base.root}, {@code ...base.rpc} and
 * {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.core.rom;

import org.jspecify.annotations.NullMarked;
