/**
 * init's configuration: the classic {@code <config>} (parent-provides, default-route, start nodes with
 * binary, RAM quantum, provides, routes, inline config or configfile) parsed into a checked model, and
 * the routing rules that decide where a child's session request goes.
 *
 * <p>Depends on the JDK only ({@code java.xml} for StAX); the init component built on it lives beside.
 */
@NullMarked
package io.github.genova.genode.os.init;

import org.jspecify.annotations.NullMarked;
