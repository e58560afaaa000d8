package io.github.genova.platform.x86.asm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A two-pass (in fact, as many passes as it takes) assembler for a NASM-like syntax producing a flat
 * binary image of 16- and 32-bit x86 code. It chooses the shortest encoding of every jump, immediate
 * and displacement and repeats passes until no address moves; sizes only ever grow between passes,
 * so that always ends. Assembling the same source twice gives the same bytes.
 *
 * <p>Supported: {@code bits 16|32}, {@code org}, labels (with {@code .local} labels under the last
 * ordinary label), {@code equ}, {@code db/dw/dd} (numbers and strings), {@code resb/resw/resd},
 * {@code times}, {@code align}, {@code %include "file"}, {@code $} and {@code $$}, expressions with
 * {@code + - * / // % << >> & | ^ ~} and parentheses, and the i486 integer instruction set with
 * 16- and 32-bit addressing, segment overrides, {@code byte/word/dword} size keywords and the
 * {@code rep/lock/o16/o32/a16/a32} prefixes.
 *
 * <p>Bad input raises an {@link AssemblyException} naming the source, line and problem.
 */
public final class Assembler {
  private static final int MAX_PASSES = 64;

  private final IncludeResolver includes;

  /** An assembler without include files. */
  public Assembler() {
    this(IncludeResolver.NONE);
  }

  /** An assembler that finds {@code %include} files through the given resolver. */
  public Assembler(IncludeResolver includes) {
    this.includes = Objects.requireNonNull(includes, "includes");
  }

  /**
   * Assembles a source text.
   *
   * @param sourceName the name used in error messages
   * @param source the source text
   * @return the image and its symbols
   * @throws AssemblyException if the source has an error
   */
  public Assembly assemble(String sourceName, String source) {
    List<SourceLine> lines = SourceParser.parse(sourceName, source, includes);
    Map<String, Long> previous = new HashMap<>();
    for (int passNumber = 1; passNumber <= MAX_PASSES; passNumber++) {
      Pass pass = new Pass(previous);
      for (SourceLine line : lines) {
        run(pass, line);
      }
      // Every symbol the source defines is known from pass 2 on, so a symbol still missing then is
      // undefined.
      SourceLine missingAt = pass.missingAt();
      if (missingAt != null && passNumber > 1) {
        throw new AssemblyException(
            missingAt.sourceName,
            missingAt.lineNumber,
            "undefined symbol '" + pass.missingSymbol() + "'");
      }
      boolean settled = missingAt == null && pass.symbols().equals(previous);
      if (settled) {
        SourceLine at = pass.deferredAt();
        if (at != null) {
          throw new AssemblyException(at.sourceName, at.lineNumber, Objects.requireNonNull(pass.deferredProblem()));
        }
        return new Assembly(pass.bytes(), pass.origin(), pass.symbols(), pass.spans());
      }
      previous = pass.symbols();
    }
    throw new AssemblyException(sourceName, 1, "addresses do not settle after " + MAX_PASSES + " passes");
  }

  private static void run(Pass pass, SourceLine line) {
    pass.startLine(line);
    int sizeBefore = pass.size();
    try {
      String label = line.label;
      if (label != null) {
        pass.define(label, pass.address());
      }
      Statement statement = line.statement;
      if (statement != null) {
        Directives.run(pass, statement);
      }
      pass.recordSpan(sizeBefore, line);
    } catch (SyntaxError e) {
      throw new AssemblyException(line.sourceName, line.lineNumber, e.problem());
    }
  }
}
