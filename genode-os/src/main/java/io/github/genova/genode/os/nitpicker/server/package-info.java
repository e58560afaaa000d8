/**
 * Genode's classic GUI server {@code nitpicker}: the component {@link
 * io.github.genova.genode.os.nitpicker.server.Nitpicker}, which composes the views of its clients onto the
 * physical framebuffer below a menubar and routes the physical input to them, with its sessions, views,
 * view stack and user state. Its {@link io.github.genova.genode.os.nitpicker.server.Canvas}, {@link
 * io.github.genova.genode.os.nitpicker.server.Font} and colours are what GUI clients (nitlog, launchpad) draw
 * with too.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.framebuffer}, {@code ...os.input} (with its server
 * side), {@code ...os.nitpicker} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.nitpicker.server;

import org.jspecify.annotations.NullMarked;
