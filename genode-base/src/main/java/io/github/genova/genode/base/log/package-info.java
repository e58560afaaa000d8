/**
 * The diagnostic output of a component, formatted as Genode prints it ({@code [label] text}, warnings and
 * errors prefixed {@code Warning: } and {@code Error: }). The LOG session will later carry these lines.
 *
 * <p>May depend on the JDK only.
 */
@NullMarked
package io.github.genova.genode.base.log;

import org.jspecify.annotations.NullMarked;
