/**
 * The Framebuffer service as clients use it (Genode's {@code framebuffer_session}): the session interface
 * {@link io.github.genova.genode.os.framebuffer.FramebufferSession}, its {@link
 * io.github.genova.genode.os.framebuffer.Mode} and the client helper {@link
 * io.github.genova.genode.os.framebuffer.FramebufferConnection}.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.framebuffer;

import org.jspecify.annotations.NullMarked;
