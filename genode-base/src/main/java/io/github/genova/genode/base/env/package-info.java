/**
 * A component's environment and its bootstrap: {@link io.github.genova.genode.base.env.Env} (the
 * component's PD, selector allocator, entrypoint, parent capability and log) and {@link
 * io.github.genova.genode.base.env.ComponentLauncher}, with which a parent (for now the root task) starts a
 * component in a new PD. Core's services and the full parent interface build on this later.
 *
 * <p>May depend on {@code nova-api} and every other package of {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.base.env;

import org.jspecify.annotations.NullMarked;
