/**
 * The server side of services: the {@link io.github.genova.genode.base.root.Root} interface a server
 * announces to its parent, and {@link io.github.genova.genode.base.root.RootComponent}, which creates,
 * serves and closes session objects and accounts for what each costs.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.log}, {@code ...base.quota}, {@code ...base.rpc} and
 * {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.root;

import org.jspecify.annotations.NullMarked;
