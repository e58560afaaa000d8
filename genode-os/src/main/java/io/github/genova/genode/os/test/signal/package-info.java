/**
 * Genode's signalling test as a component ({@link io.github.genova.genode.os.test.signal.SignalTest}):
 * sender threads submit to contexts of one receiver while it dispatches, from {@code --- signalling test
 * ---} to {@code --- signalling test finished ---}.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.test.signal;

import org.jspecify.annotations.NullMarked;
