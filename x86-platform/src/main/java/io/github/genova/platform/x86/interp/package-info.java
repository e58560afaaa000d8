/**
 * The interpreter backend of the x86 engine over the {@link io.github.genova.platform.x86} SPI: blocks of
 * pre-decoded micro-ops cached by physical address with per-page invalidation for self-modifying code, a
 * general decode-and-execute path, lazy arithmetic flags, a software TLB for 2-level paging and precise guest
 * exceptions. A JIT tier plugs in through {@link io.github.genova.platform.x86.interp.BlockCompiler}: the
 * module-internal types {@code DecodedBlock}, {@code CompiledBlock}, {@code Interpreter.Guest} and
 * {@code LazyFlags} are public for it (this package is not exported). Depends on the SPI package and the JDK
 * only.
 */
@NullMarked
package io.github.genova.platform.x86.interp;

import org.jspecify.annotations.NullMarked;
