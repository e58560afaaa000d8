/**
 * JMH benchmarks of Genova: the IPC fast path, the kernel and the x86 engine, each with the plain-Java
 * baseline it is measured against. Not published; may depend on every module.
 */
@NullMarked
package io.github.genova.jmh;

import org.jspecify.annotations.NullMarked;
