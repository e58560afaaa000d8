/**
 * The JIT backend of the x86 engine: the interpreter with a second tier that translates hot decoded blocks
 * (the {@link io.github.genova.platform.x86.interp} block decoder's micro-ops) into JVM bytecode with
 * {@code java.lang.classfile}, one hidden class per distinct block, which HotSpot then compiles to machine
 * code. Everything else (decoding, the general instruction path, faults, interrupts, paging, the budget)
 * is the interpreter's. Depends on the interpreter package, the SPI package and the JDK only.
 */
@NullMarked
package io.github.genova.platform.x86.jit;

import org.jspecify.annotations.NullMarked;
