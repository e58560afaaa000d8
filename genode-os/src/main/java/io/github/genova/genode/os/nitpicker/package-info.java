/**
 * The Nitpicker GUI service as clients use it (Genode's classic {@code nitpicker_session} and {@code
 * nitpicker_view}): the session interface {@link io.github.genova.genode.os.nitpicker.NitpickerSession},
 * which hands out the client's own framebuffer and input sessions and creates views, the view interface
 * {@link io.github.genova.genode.os.nitpicker.View}, and the client helper {@link
 * io.github.genova.genode.os.nitpicker.NitpickerConnection}.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.framebuffer} and {@code ...os.input}.
 */
@NullMarked
package io.github.genova.genode.os.nitpicker;

import org.jspecify.annotations.NullMarked;
