/**
 * Core's RM service.
 *
 * <p>May depend on {@code nova-api} and the other packages of {@code genode-base} except {@code ...base.core}
 * itself.
 */
@NullMarked
package io.github.genova.genode.base.core.rm;

import org.jspecify.annotations.NullMarked;
