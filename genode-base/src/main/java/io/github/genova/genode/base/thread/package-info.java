/**
 * Genode's threads: {@link io.github.genova.genode.base.thread.Thread}, each a global EC with its own SC,
 * UTCB (in its stack-area slot) and blocking semaphore.
 *
 * <p>May depend on {@code nova-api}, {@code ...base.nova} and {@code ...base.sync}.
 */
@NullMarked
package io.github.genova.genode.base.thread;

import org.jspecify.annotations.NullMarked;
