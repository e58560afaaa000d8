/**
 * Core, the root task: its boot from a module list ({@link io.github.genova.genode.base.core.BootImage}) and
 * the start of init ({@link io.github.genova.genode.base.core.Core}). The services live in one subpackage
 * each.
 *
 * <p>May depend on {@code nova-api} and every other package of {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.base.core;

import org.jspecify.annotations.NullMarked;
