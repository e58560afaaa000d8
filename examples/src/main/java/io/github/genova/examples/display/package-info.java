/**
 * The machine of a running scenario on the host's screen: its VGA picture in a window, the host's keyboard
 * and mouse as its i8042's keys and PS/2 packets, and its virtual time paced to the wall clock while someone
 * watches. Only {@link io.github.genova.examples.display.SwingDisplay} and the AWT translation in {@link
 * io.github.genova.examples.display.AwtInput} and {@link io.github.genova.examples.display.KeyMap} use
 * {@code java.desktop}; everything else runs (and is tested) headless.
 *
 * <p>Depends on x86-platform's i8042 and VGA models (through {@code platform.pc.StandardPc}), nova-impl's
 * {@code NovaKernel} (for the machine behind a scenario's kernel), genode-os's {@code scenario} package (the
 * run whose body the display loop is) and {@code java.desktop}.
 */
@NullMarked
package io.github.genova.examples.display;

import org.jspecify.annotations.NullMarked;
