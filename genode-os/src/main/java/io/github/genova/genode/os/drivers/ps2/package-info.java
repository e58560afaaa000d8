/**
 * Genode's PS/2 driver ({@code ps2_drv}): the i8042 keyboard controller at ports 0x60/0x64 ({@link
 * io.github.genova.genode.os.drivers.ps2.I8042}: self-test, interface tests, translation, IRQ enables),
 * the keyboard on its first port ({@link io.github.genova.genode.os.drivers.ps2.Ps2Keyboard}, with the
 * {@link io.github.genova.genode.os.drivers.ps2.ScanCodeDecoder} of sets 1 and 2), the mouse on its
 * auxiliary port ({@link io.github.genova.genode.os.drivers.ps2.Ps2Mouse}, with IntelliMouse detection),
 * and the component ({@link io.github.genova.genode.os.drivers.ps2.Ps2Driver}) that gets ports and IRQs 1
 * and 12 from its parent, turns device bytes into input events and announces the Input service.
 *
 * <p>May depend on {@code genode-base}, {@code ...os.hw}, {@code ...os.input} and {@code
 * ...os.input.server}.
 */
@NullMarked
package io.github.genova.genode.os.drivers.ps2;

import org.jspecify.annotations.NullMarked;
