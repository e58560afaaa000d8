/**
 * The platform's own firmware: the system BIOS's POST ({@link io.github.genova.platform.firmware.SystemBios}),
 * which fills the vector table and BIOS data area, shadows and initialises the option ROMs and reserves the
 * firmware's ranges; the real-mode call mechanism it and Genode's {@code vesa_drv} share ({@link
 * io.github.genova.platform.firmware.RealModeCaller}); and the VGA option ROM ({@link
 * io.github.genova.platform.firmware.VgaOptionRom}), kept as assembler source in this package's resources and
 * assembled at run time with {@link io.github.genova.platform.x86.asm.Assembler}, so the machine needs no
 * external or committed binary ROM.
 *
 * <p>Depends on the JDK, the platform SPI ({@code io.github.genova.platform}) and the x86 engine
 * ({@code io.github.genova.platform.x86}, {@code io.github.genova.platform.x86.asm}); never on a device
 * model (devices offer their ROMs through {@link io.github.genova.platform.firmware.ExpansionRom}).
 */
@NullMarked
package io.github.genova.platform.firmware;

import org.jspecify.annotations.NullMarked;
