/**
 * The diagnostic output of a component, formatted as Genode prints it ({@code [label] text}, warnings and
 * errors prefixed {@code Warning: } and {@code Error: }). A component's lines reach the console through
 * its {@link io.github.genova.genode.base.log.LogSession}, whose server adds the label.
 *
 * <p>May depend on the JDK and the annotations of {@code ...base.rpc}.
 */
@NullMarked
package io.github.genova.genode.base.log;

import org.jspecify.annotations.NullMarked;
