package io.github.genova.platform.x86.asm;

import org.jspecify.annotations.Nullable;

/**
 * One parsed source line: where it came from, the label it defines and its statement (either may be
 * absent). It also remembers, across passes, which of its encoding choices had to take the long form
 * ({@link #widened}): sizes only ever grow, so the passes converge.
 */
final class SourceLine {
  final String sourceName;
  final int lineNumber;
  final @Nullable String label;
  final @Nullable Statement statement;
  /** Bit i set: the i-th short/long choice of this line's encoding takes the long form. */
  long widened;

  SourceLine(
      String sourceName, int lineNumber, @Nullable String label, @Nullable Statement statement) {
    this.sourceName = sourceName;
    this.lineNumber = lineNumber;
    this.label = label;
    this.statement = statement;
  }
}
