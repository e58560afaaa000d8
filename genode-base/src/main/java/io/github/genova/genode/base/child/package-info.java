/**
 * The parent's side of the parent–child relation: {@link io.github.genova.genode.base.child.Child} (a child
 * with its accounts, sessions and parent interface), the {@link io.github.genova.genode.base.child.ChildPolicy}
 * that routes its requests, and the kinds of {@link io.github.genova.genode.base.child.Service} a request may
 * be routed to. Core uses it for init; init (genode-os) for its children, routing with its session router.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.env}, {@code ...base.log}, {@code ...base.parent},
 * {@code ...base.quota}, {@code ...base.root}, {@code ...base.rpc} and {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.child;

import org.jspecify.annotations.NullMarked;
