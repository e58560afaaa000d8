/**
 * Drawing into RGB565 pictures, shared by the GUI components (Genode's {@code nitpicker_gfx}): the {@link
 * io.github.genova.genode.os.gfx.Rect rectangle} arithmetic, the {@link io.github.genova.genode.os.gfx.Font
 * font}, {@link io.github.genova.genode.os.gfx.Rgb565 colour} arithmetic and the {@link
 * io.github.genova.genode.os.gfx.Canvas canvas} a picture's rectangle is composed on before it is written
 * out.
 *
 * <p>May depend on {@code ...os.framebuffer} (the pixel format) and {@code nova-api} (memory views).
 */
@NullMarked
package io.github.genova.genode.os.gfx;

import org.jspecify.annotations.NullMarked;
