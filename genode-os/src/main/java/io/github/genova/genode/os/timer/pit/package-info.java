/**
 * The PIT backend of the timer driver: {@link io.github.genova.genode.os.timer.pit.PitTimeSource} programs
 * channel 0 of the 8254 as a one-shot and reads it back to keep the time.
 *
 * <p>May depend on {@code ...os.hw}.
 */
@NullMarked
package io.github.genova.genode.os.timer.pit;

import org.jspecify.annotations.NullMarked;
