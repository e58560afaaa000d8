package io.github.genova.platform.x86.asm;

import java.util.Map;

/**
 * An assemble-time expression: numbers, symbols, {@code $} and {@code $$}, unary and binary
 * operators, and registers (which only a memory operand's address may contain).
 */
sealed interface Expression {
  /** Where an expression is evaluated: the symbol values and the current position. */
  interface Scope {
    /** The value of a symbol; an undefined symbol is an error only in the final pass. */
    long symbol(String name);

    /** The address of the current line ({@code $}). */
    long here();

    /** The start address of the image ({@code $$}). */
    long start();
  }

  long evaluate(Scope scope);

  /** A number. */
  record Literal(long value) implements Expression {
    @Override
    public long evaluate(Scope scope) {
      return value;
    }
  }

  /** A symbol, with local labels already qualified by their parent label. */
  record Symbol(String name) implements Expression {
    @Override
    public long evaluate(Scope scope) {
      return scope.symbol(name);
    }
  }

  /** {@code $}: the address of the current line. */
  record Here() implements Expression {
    @Override
    public long evaluate(Scope scope) {
      return scope.here();
    }
  }

  /** {@code $$}: the address the image starts at. */
  record Start() implements Expression {
    @Override
    public long evaluate(Scope scope) {
      return scope.start();
    }
  }

  /** A register inside a memory operand's address. */
  record Reg(Register register) implements Expression {
    @Override
    public long evaluate(Scope scope) {
      throw new SyntaxError("register " + register + " is not allowed in an expression");
    }
  }

  /** A unary operator: {@code -}, {@code +} or {@code ~}. */
  record Unary(char op, Expression operand) implements Expression {
    @Override
    public long evaluate(Scope scope) {
      long v = operand.evaluate(scope);
      return switch (op) {
        case '-' -> -v;
        case '~' -> ~v;
        default -> v;
      };
    }
  }

  /** A binary operator. */
  record Binary(String op, Expression left, Expression right) implements Expression {
    private static final Map<String, Integer> PRECEDENCE =
        Map.ofEntries(
            Map.entry("|", 1),
            Map.entry("^", 2),
            Map.entry("&", 3),
            Map.entry("<<", 4),
            Map.entry(">>", 4),
            Map.entry("+", 5),
            Map.entry("-", 5),
            Map.entry("*", 6),
            Map.entry("/", 6),
            Map.entry("//", 6),
            Map.entry("%", 6),
            Map.entry("%%", 6));

    /** The binding strength of a binary operator, or 0 if the text is not one. */
    static int precedence(String op) {
      return PRECEDENCE.getOrDefault(op, 0);
    }

    @Override
    public long evaluate(Scope scope) {
      long a = left.evaluate(scope);
      long b = right.evaluate(scope);
      return switch (op) {
        case "|" -> a | b;
        case "^" -> a ^ b;
        case "&" -> a & b;
        case "<<" -> b >= 64 ? 0 : a << b;
        case ">>" -> b >= 64 ? 0 : a >>> b;
        case "+" -> a + b;
        case "-" -> a - b;
        case "*" -> a * b;
        case "/" -> Long.divideUnsigned(a, nonZero(b));
        case "//" -> a / nonZero(b);
        case "%" -> Long.remainderUnsigned(a, nonZero(b));
        case "%%" -> a % nonZero(b);
        default -> throw new SyntaxError("unknown operator " + op);
      };
    }

    private static long nonZero(long divisor) {
      if (divisor == 0) {
        throw new SyntaxError("division by zero");
      }
      return divisor;
    }
  }
}
