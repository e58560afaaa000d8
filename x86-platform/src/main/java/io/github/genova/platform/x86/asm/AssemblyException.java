package io.github.genova.platform.x86.asm;

import java.io.Serial;

/**
 * Bad assembler input: the message names the source, the line and the problem (for example
 * {@code vgabios.asm:120: undefined symbol 'set_mode'}). Thrown by {@link Assembler#assemble}; nothing
 * is half-assembled when it is thrown.
 */
public final class AssemblyException extends RuntimeException {
  @Serial private static final long serialVersionUID = 1L;

  private final String sourceName;
  private final int line;
  private final String problem;

  AssemblyException(String sourceName, int line, String problem) {
    super(sourceName + ":" + line + ": " + problem);
    this.sourceName = sourceName;
    this.line = line;
    this.problem = problem;
  }

  /** The name of the source file (or include file) the bad line is in. */
  public String sourceName() {
    return sourceName;
  }

  /** The 1-based line number of the bad line. */
  public int line() {
    return line;
  }

  /** The problem, without the location prefix. */
  public String problem() {
    return problem;
  }
}
