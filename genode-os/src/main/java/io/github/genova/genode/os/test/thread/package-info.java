/**
 * Genode's thread test, in part, as a component ({@link io.github.genova.genode.os.test.thread.ThreadTest}):
 * threads on every CPU the component may use, each knowing itself, updating shared state under a mutex,
 * from {@code --- thread test started ---} to {@code --- thread test finished ---}.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.test.thread;

import org.jspecify.annotations.NullMarked;
