/**
 * Genode's quota accounting: RAM and capability amounts, accounts with a limit and a usage, reference
 * accounts along which quota may move (parent to child, client to server), transfers that either happen
 * completely or not at all, and a RAM allocator that keeps a component within the quota it received.
 *
 * <p>Errors are checked exceptions named as in Genode ({@link io.github.genova.genode.base.quota.OutOfRam},
 * {@link io.github.genova.genode.base.quota.OutOfCaps}, {@link
 * io.github.genova.genode.base.quota.InsufficientRamQuota}, {@link
 * io.github.genova.genode.base.quota.InsufficientCapQuota}), because the classic parent and RAM session
 * interfaces declare them and the RPC layer carries declared exceptions; every operation that throws
 * leaves all accounts involved as they were.
 *
 * <p>Depends on the JDK only.
 */
@NullMarked
package io.github.genova.genode.base.quota;

import org.jspecify.annotations.NullMarked;
