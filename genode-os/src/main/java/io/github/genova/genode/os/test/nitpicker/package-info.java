/**
 * Genode's nitpicker test {@code testnit}: a Nitpicker client with three views of one buffer that the user
 * raises by clicking and moves by dragging.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.nitpicker}, {@code ...os.input} and {@code
 * ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.test.nitpicker;

import org.jspecify.annotations.NullMarked;
