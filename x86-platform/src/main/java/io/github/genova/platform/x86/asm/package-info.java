/**
 * A two-pass assembler for a NASM-like syntax that produces flat binary images of 16- and 32-bit
 * x86 code (the i486 integer instruction set). The platform uses it to build its own firmware, such
 * as the VGA option ROM, from source at run time, so no binary firmware ships with the project, and
 * tests use it to build the ROM programs that exercise the CPU.
 *
 * <p>Entry point: {@link io.github.genova.platform.x86.asm.Assembler}. The package depends on the JDK
 * only.
 */
@NullMarked
package io.github.genova.platform.x86.asm;

import org.jspecify.annotations.NullMarked;
