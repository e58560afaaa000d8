/**
 * Reading the XML configurations of Genova's components: {@link io.github.genova.genode.os.config.XmlCopy}
 * turns an element read with StAX back into text (init's and launchpad's inline {@code <config>} nodes).
 * Internal to the module, so its StAX types stay out of the module's API.
 *
 * <p>May depend on the JDK's {@code java.xml} only.
 */
@NullMarked
package io.github.genova.genode.os.config;

import org.jspecify.annotations.NullMarked;
