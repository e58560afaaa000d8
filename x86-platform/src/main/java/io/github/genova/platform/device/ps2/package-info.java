/**
 * The PC keyboard controller (i8042) at ports 0x60/0x64 with a PS/2 keyboard on its first port (IRQ 1)
 * and a PS/2 mouse on its auxiliary port (IRQ 12): controller commands and configuration byte, the
 * keyboard's command set and scan-code sets 1 and 2 with the controller's set-2-to-set-1 translation, the
 * mouse's command set, stream packets and IntelliMouse wheel extension, and the host API that injects key
 * presses and pointer motion.
 *
 * <p>Depends on the platform SPI ({@code io.github.genova.platform}) only.
 */
@NullMarked
package io.github.genova.platform.device.ps2;

import org.jspecify.annotations.NullMarked;
