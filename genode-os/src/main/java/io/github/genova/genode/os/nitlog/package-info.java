/**
 * Genode's classic demo component {@code nitlog}: a LOG server that shows what its clients write in a
 * window of 80 × 25 character cells on nitpicker, each client's label in a colour of its own. {@link
 * io.github.genova.genode.os.nitlog.LogWindow} is the pure text model (lines, wrapping, scrolling); the
 * rest paints it into a Nitpicker buffer and serves the LOG sessions.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.framebuffer}, {@code ...os.nitpicker} and {@code
 * ...os.gfx} (for its font and RGB565 colours).
 */
@NullMarked
package io.github.genova.genode.os.nitlog;

import org.jspecify.annotations.NullMarked;
