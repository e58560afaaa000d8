/**
 * Genode's classic demo component {@code liquid_fb}, the "liquid framebuffer": a nitpicker client that
 * serves one client a Framebuffer and an Input session and shows the client's picture in a decorated window
 * the user moves and resizes. {@link io.github.genova.genode.os.liquidfb.Decoration} is the pure geometry of
 * the window, {@link io.github.genova.genode.os.liquidfb.LiquidFbConfig} its configuration; the rest draws
 * the window, routes the input and serves the sessions.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.framebuffer}, {@code ...os.gfx}, {@code ...os.input}
 * (with its server side), {@code ...os.nitpicker} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.liquidfb;

import org.jspecify.annotations.NullMarked;
