/**
 * Genode's classic GUI server {@code nitpicker}: the component {@link
 * io.github.genova.genode.os.nitpicker.server.Nitpicker}, which composes the views of its clients onto the
 * physical framebuffer below a menubar and routes the physical input to them, with its sessions, views,
 * view stack and user state. It draws with {@code ...os.gfx}, as its GUI clients (nitlog, liquid_fb,
 * launchpad) do.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.framebuffer}, {@code ...os.gfx} (its drawing), {@code
 * ...os.input} (with its server side), {@code ...os.nitpicker} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.nitpicker.server;

import org.jspecify.annotations.NullMarked;
