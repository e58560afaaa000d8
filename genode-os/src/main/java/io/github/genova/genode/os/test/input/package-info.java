/**
 * Genode's input test as a component ({@code test-input}): an Input client that logs every event its
 * server delivers.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.input} and {@code ...os.timer}.
 */
@NullMarked
package io.github.genova.genode.os.test.input;

import org.jspecify.annotations.NullMarked;
