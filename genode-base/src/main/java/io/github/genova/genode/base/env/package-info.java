/**
 * A component's environment and its bootstrap: {@link io.github.genova.genode.base.env.Env} (the
 * component's PD, selector allocator, entrypoint, parent, initial sessions and log), {@link
 * io.github.genova.genode.base.env.ComponentLauncher}, with which a parent starts a component in a new PD,
 * {@link io.github.genova.genode.base.env.Connection} (a session opened through the parent), {@link
 * io.github.genova.genode.base.env.AttachedRomDataspace}, and the registry of components by binary name
 * ({@link io.github.genova.genode.base.env.ComponentFactory}, {@link
 * io.github.genova.genode.base.env.ComponentRegistry}).
 *
 * <p>May depend on {@code nova-api} and every other package of {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.base.env;

import org.jspecify.annotations.NullMarked;
