package io.github.genova.platform.x86.asm;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One pass over the source: symbol values (this pass's where defined, the previous pass's for
 * forward references), the current address and mode, and the output. A pass is final when no symbol
 * moved and none was missing; only then are value-dependent problems (overflow, jump range) errors.
 */
final class Pass implements Expression.Scope {
  private final Map<String, Long> previous;
  private final Map<String, Long> current = new HashMap<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final List<Assembly.Span> spans = new ArrayList<>();
  private long origin;
  private boolean originFixed;
  private int bits = 16;
  private long lineAddress;
  private @Nullable SourceLine line;
  private int choice;
  private boolean lineHasUnknown;
  private @Nullable String missingSymbol;
  private @Nullable SourceLine missingAt;
  private @Nullable String deferredProblem;
  private @Nullable SourceLine deferredAt;

  Pass(Map<String, Long> previous) {
    this.previous = previous;
  }

  void startLine(SourceLine sourceLine) {
    this.line = sourceLine;
    this.lineAddress = address();
    this.choice = 0;
    this.lineHasUnknown = false;
  }

  /** Marks the start of a repetition of a times body: $ is the address of the repetition. */
  void restartLine() {
    this.lineAddress = address();
    this.choice = 0;
    this.lineHasUnknown = false;
  }

  @Override
  public long symbol(String name) {
    Long v = current.get(name);
    if (v == null) {
      v = previous.get(name);
    }
    if (v == null) {
      lineHasUnknown = true;
      if (missingSymbol == null) {
        missingSymbol = name;
        missingAt = line;
      }
      return 0;
    }
    return v;
  }

  @Override
  public long here() {
    return lineAddress;
  }

  @Override
  public long start() {
    return origin;
  }

  long address() {
    return origin + out.size();
  }

  int bits() {
    return bits;
  }

  /** The default operand and address size in bytes: 2 in 16-bit code, 4 in 32-bit code. */
  int defaultSize() {
    return bits / 8;
  }

  void setBits(int bits) {
    this.bits = bits;
  }

  void setOrigin(long address) {
    if (out.size() != 0 || (originFixed && address != origin)) {
      throw new SyntaxError("org must come before any code or data, and only once");
    }
    origin = address;
    originFixed = true;
  }

  void define(String name, long value) {
    if (current.put(name, value) != null) {
      throw new SyntaxError("symbol '" + name + "' is defined more than once");
    }
  }

  long value(Expression e) {
    return e.evaluate(this);
  }

  /**
   * One short/long decision of the current line. Once a decision has needed the long form it keeps
   * it in later passes, so that sizes only grow and the passes terminate. While the line uses a
   * symbol not yet seen (a forward reference in the first pass), the choice is optimistic: short.
   *
   * @param fits whether the short form can hold the value in this pass
   * @return true to use the short form
   */
  boolean chooseShort(boolean fits) {
    SourceLine l = line();
    long bit = 1L << Math.min(choice++, 63);
    if ((l.widened & bit) != 0) {
      return false;
    }
    if (fits || lineHasUnknown) {
      return true;
    }
    l.widened |= bit;
    return false;
  }

  /** Notes a problem that depends on symbol values; it is an error only if this pass is final. */
  void problem(String message) {
    if (deferredProblem == null) {
      deferredProblem = message;
      deferredAt = line;
    }
  }

  /** Checks that a value fits in the given number of bytes (signed or unsigned) and notes it if not. */
  void checkFits(long value, int size, String what) {
    if (size >= 8) {
      return;
    }
    long min = -(1L << (size * 8 - 1));
    long max = (1L << (size * 8)) - 1;
    if (value < min || value > max) {
      problem(what + " " + value + " (0x" + Long.toHexString(value) + ") does not fit in "
          + (size * 8) + " bits");
    }
  }

  void emit(int b) {
    out.write(b);
  }

  void emit(long value, int size) {
    for (int i = 0; i < size; i++) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  void emit(byte[] bytes) {
    out.writeBytes(bytes);
  }

  SourceLine line() {
    SourceLine l = line;
    if (l == null) {
      throw new IllegalStateException("no current line");
    }
    return l;
  }

  /** The number of bytes emitted so far. */
  int size() {
    return out.size();
  }

  /** Records the bytes a line produced (those emitted since sizeBefore), if any. */
  void recordSpan(int sizeBefore, SourceLine sourceLine) {
    int produced = out.size() - sizeBefore;
    if (produced > 0) {
      spans.add(
          new Assembly.Span(
              address() - produced, address(), sourceLine.sourceName, sourceLine.lineNumber));
    }
  }

  List<Assembly.Span> spans() {
    return spans;
  }

  Map<String, Long> symbols() {
    return current;
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  long origin() {
    return origin;
  }

  @Nullable String missingSymbol() {
    return missingSymbol;
  }

  @Nullable SourceLine missingAt() {
    return missingAt;
  }

  @Nullable String deferredProblem() {
    return deferredProblem;
  }

  @Nullable SourceLine deferredAt() {
    return deferredAt;
  }
}
