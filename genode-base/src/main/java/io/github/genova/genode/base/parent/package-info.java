/**
 * The parent interface every component talks to ({@link io.github.genova.genode.base.parent.Parent}):
 * session requests, upgrades and closes, service announcements and the exit report.
 *
 * <p>May depend on {@code ...base.cap}, {@code ...base.quota}, {@code ...base.root}, {@code ...base.rpc}
 * and {@code ...base.session}.
 */
@NullMarked
package io.github.genova.genode.base.parent;

import org.jspecify.annotations.NullMarked;
