package io.github.genova.platform.x86.asm;

import java.io.Serial;

/**
 * A problem found while parsing or encoding one line, before the line's location is known to the
 * code that finds it; {@link Assembler} turns it into an {@link AssemblyException} naming the line.
 */
final class SyntaxError extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final String problem;

  SyntaxError(String problem) {
    super(problem, null, false, false);
    this.problem = problem;
  }

  /** The problem, as a message without location. */
  String problem() {
    return problem;
  }
}
