/**
 * Genode's dataspace-ownership test as a component ({@link
 * io.github.genova.genode.os.test.dsownership.DsOwnershipTest}, binary {@code test-ds_ownership}): a RAM
 * dataspace belongs to the PD session that allocated it; another session cannot free it, from {@code ---
 * dataspace ownership test ---} to {@code test succeeded}.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.test.dsownership;

import org.jspecify.annotations.NullMarked;
