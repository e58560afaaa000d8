/**
 * Genode's framebuffer test as a component ({@link io.github.genova.genode.os.test.framebuffer.FramebufferTest},
 * the binary {@code test-framebuffer}): it opens a Framebuffer session, logs the mode, draws a test pattern
 * and refreshes.
 *
 * <p>May depend on {@code genode-base} and {@code ...os.framebuffer}.
 */
@NullMarked
package io.github.genova.genode.os.test.framebuffer;

import org.jspecify.annotations.NullMarked;
