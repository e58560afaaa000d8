/**
 * The Input service as clients use it (Genode's classic {@code Input::Session}): the session interface
 * {@link io.github.genova.genode.os.input.InputSession}, the event record {@link
 * io.github.genova.genode.os.input.InputEvent} with its fixed binary layout in the session's event
 * dataspace, and the client helper {@link io.github.genova.genode.os.input.InputConnection}, which attaches
 * that dataspace and reads the events a {@code flush} copied there.
 *
 * <p>May depend on {@code genode-base}.
 */
@NullMarked
package io.github.genova.genode.os.input;

import org.jspecify.annotations.NullMarked;
