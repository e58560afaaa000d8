/**
 * The nitlog test client {@code test-nitlog}: a component whose LOG, routed to nitlog, shows a few lines
 * there.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.test.nitlog;

import org.jspecify.annotations.NullMarked;
