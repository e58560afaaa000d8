/**
 * Genode's sub-RM test as a component ({@link io.github.genova.genode.os.test.subrm.SubRmTest}, binary {@code
 * test-sub_rm}): a region map of an RM session, populated by hand and attached as a managed dataspace into
 * the component's own address space, from {@code --- sub-rm test ---} to {@code --- end of sub-rm test ---}.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.test.subrm;

import org.jspecify.annotations.NullMarked;
