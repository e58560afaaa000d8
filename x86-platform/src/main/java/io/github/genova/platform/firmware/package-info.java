/**
 * The platform's own firmware, kept as assembler source in this package's resources and assembled
 * at run time with {@link io.github.genova.platform.x86.asm.Assembler}, so the machine needs no
 * external or committed binary ROM. Currently: the VGA option ROM ({@link
 * io.github.genova.platform.firmware.VgaOptionRom}).
 *
 * <p>Depends on the JDK and {@code io.github.genova.platform.x86.asm} only.
 */
@NullMarked
package io.github.genova.platform.firmware;

import org.jspecify.annotations.NullMarked;
