/**
 * JMH benchmarks of Genova: the IPC fast path, the kernel and the x86 engine, each with the plain-Java
 * baseline it is measured against. Not published; may depend on every module.
 *
 * <p>Not {@code @NullMarked}: JMH initialises {@code @State} fields in {@code @Setup} methods, which
 * NullAway would report as uninitialised (Caffeine excludes its benchmarks from NullAway likewise).
 */
package io.github.genova.jmh;
