/**
 * Capabilities as a component holds them: typed, immutable handles whose local name is a selector of the
 * holder's PD, and the allocator of those selectors.
 *
 * <p>May depend on the JDK only.
 */
@NullMarked
package io.github.genova.genode.base.cap;

import org.jspecify.annotations.NullMarked;
