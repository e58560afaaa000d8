/**
 * Core's LOG service ({@link io.github.genova.genode.base.core.log.LogRoot}).
 *
 * <p>May depend on {@code ...base.log}, {@code ...base.quota}, {@code ...base.root}, {@code ...base.rpc} and
 * {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.core.log;

import org.jspecify.annotations.NullMarked;
