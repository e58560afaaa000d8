package io.github.genova.platform.x86.interp;

import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.jit.JitBackend;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;

/**
 * The execution backends the conformance suites run on: the interpreter, and the JIT compiling every block
 * at its first run (so each vector's fast-path instructions run as compiled bytecode).
 */
final class Engines {
  private Engines() {}

  /** Source for {@code @MethodSource("io.github.genova.platform.x86.interp.Engines#all")}. */
  static Stream<Named<X86Backend>> all() {
    return Stream.of(Named.of(InterpreterBackend.NAME, new InterpreterBackend()),
        Named.of(JitBackend.NAME, new JitBackend(1)));
  }
}
