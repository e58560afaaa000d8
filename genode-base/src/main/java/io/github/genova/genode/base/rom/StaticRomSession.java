package io.github.genova.genode.base.rom;

import io.github.genova.genode.base.cap.Capability;
import io.github.genova.genode.base.dataspace.Dataspace;

/**
 * A ROM session whose module never changes: it hands out one dataspace and the content size, as core's ROM
 * service does for boot modules and init does for a child's inline {@code <config>}.
 *
 * @param dataspace the dataspace holding the content
 * @param contentSize the content's size in bytes
 */
public record StaticRomSession(Capability<Dataspace> dataspace, long contentSize) implements RomSession {}
