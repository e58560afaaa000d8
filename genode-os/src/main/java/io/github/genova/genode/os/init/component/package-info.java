/**
 * init as a component: reads its ROM {@code config}, creates one child per start node with its RAM
 * quantum and capabilities, serves the children's parent interfaces and routes their session requests
 * (to init's parent or to a sibling's announced service) as the {@link io.github.genova.genode.os.init}
 * model decides.
 *
 * <p>Depends on {@code io.github.genova.genode.os.init} and genode-base's parent, child, env and session
 * packages.
 */
@NullMarked
package io.github.genova.genode.os.init.component;

import org.jspecify.annotations.NullMarked;
