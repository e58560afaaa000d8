package io.github.genova.platform.x86.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/** Parses expressions, data items and instruction operands from a line's tokens. */
final class OperandParser {
  private final TokenCursor in;
  private final UnaryOperator<String> qualify;

  OperandParser(TokenCursor in, UnaryOperator<String> qualify) {
    this.in = in;
    this.qualify = qualify;
  }

  /** An expression that must be a constant without symbols, such as the argument of bits. */
  long constant() {
    return expression().evaluate(constantScope("a constant is needed here"));
  }

  /** A scope for expressions that must not use symbols or {@code $}: each use is an error. */
  private static Expression.Scope constantScope(String why) {
    return new Expression.Scope() {
      @Override
      public long symbol(String name) {
        throw new SyntaxError("'" + name + "' is not allowed: " + why);
      }

      @Override
      public long here() {
        throw new SyntaxError("'$' is not allowed: " + why);
      }

      @Override
      public long start() {
        throw new SyntaxError("'$$' is not allowed: " + why);
      }
    };
  }

  /** The items of db/dw/dd: expressions and strings, separated by commas. */
  List<Object> dataItems() {
    List<Object> items = new ArrayList<>();
    do {
      Token t = in.peek();
      if (t.type() == Token.Type.STRING && endsItem(in.peek(1))) {
        in.next();
        items.add(t.text());
      } else {
        items.add(expression());
      }
    } while (comma());
    in.expectEnd();
    return items;
  }

  private static boolean endsItem(Token t) {
    return t.is(",") || t.type() == Token.Type.END;
  }

  /** The comma-separated operands up to the end of the line. */
  List<Operand> operands() {
    List<Operand> list = new ArrayList<>();
    if (in.peek().type() == Token.Type.END) {
      return list;
    }
    do {
      list.add(operand());
    } while (comma());
    in.expectEnd();
    return list;
  }

  private boolean comma() {
    if (in.peek().is(",")) {
      in.next();
      return true;
    }
    return false;
  }

  private Operand operand() {
    int size = 0;
    String distance = null;
    boolean strict = false;
    while (in.peek().type() == Token.Type.IDENT) {
      String w = in.peek().text().toLowerCase(Locale.ROOT);
      int s = sizeKeyword(w);
      if (s != 0) {
        size = s;
      } else if (w.equals("short") || w.equals("near") || w.equals("far")) {
        distance = w;
      } else if (w.equals("strict")) {
        strict = true;
      } else if (!w.equals("ptr")) {
        break;
      }
      in.next();
    }
    Token t = in.peek();
    if (t.is("[")) {
      return memory(size, null, "far".equals(distance));
    }
    if (t.type() == Token.Type.IDENT) {
      Register r = Register.byName(t.text().toLowerCase(Locale.ROOT));
      if (r != null) {
        if (r.kind == Register.Kind.SEGMENT && in.peek(1).is(":") && in.peek(2).is("[")) {
          in.next();
          in.next();
          return memory(size, r, "far".equals(distance));
        }
        if (!startsExpressionTail(in.peek(1))) {
          in.next();
          if (size != 0 && size != r.size) {
            throw new SyntaxError("size keyword does not match register " + r);
          }
          return new Operand.Reg(r);
        }
      }
    }
    Expression value = expression();
    if (in.peek().is(":")) {
      in.next();
      Expression offset = expression();
      return new Operand.FarPointer(value, offset, size);
    }
    return new Operand.Imm(value, size, distance, strict);
  }

  private static boolean startsExpressionTail(Token t) {
    return t.type() == Token.Type.PUNCT && Expression.Binary.precedence(t.text()) > 0;
  }

  private static int sizeKeyword(String w) {
    return switch (w) {
      case "byte" -> 1;
      case "word" -> 2;
      case "dword" -> 4;
      default -> 0;
    };
  }

  private Operand.Mem memory(int size, @Nullable Register outerSegment, boolean far) {
    in.expect("[");
    Register segment = outerSegment;
    while (in.peek().type() == Token.Type.IDENT) {
      String w = in.peek().text().toLowerCase(Locale.ROOT);
      Register r = Register.byName(w);
      if (r != null && r.kind == Register.Kind.SEGMENT && in.peek(1).is(":")) {
        in.next();
        in.next();
        segment = r;
      } else if (sizeKeyword(w) != 0 || w.equals("dword") || w.equals("word")) {
        in.next(); // an address-size hint such as [dword label] is accepted and ignored
      } else {
        break;
      }
    }
    Expression address = expression();
    in.expect("]");
    return linearize(size, segment, address, far);
  }

  /** Splits an address expression into base, index*scale and a displacement. */
  private static Operand.Mem linearize(
      int size, @Nullable Register segment, Expression address, boolean far) {
    List<Map.Entry<Register, Long>> registers = new ArrayList<>();
    List<Expression> displacement = new ArrayList<>();
    collect(address, 1, registers, displacement);
    Register base = null;
    Register index = null;
    int scale = 1;
    for (Map.Entry<Register, Long> e : registers) {
      Register r = e.getKey();
      long factor = e.getValue();
      if (factor == 0) {
        continue;
      }
      if (r.kind != Register.Kind.GPR || r.size == 1) {
        throw new SyntaxError("register " + r + " cannot be used in an address");
      }
      if (factor == 1 && base == null) {
        base = r;
      } else if (index == null && (factor == 1 || factor == 2 || factor == 4 || factor == 8)) {
        index = r;
        scale = (int) factor;
      } else {
        throw new SyntaxError("invalid effective address: bad register combination or scale");
      }
    }
    if (base != null && index != null && base.size != index.size) {
      throw new SyntaxError("cannot mix 16-bit and 32-bit registers in an address");
    }
    Expression disp = null;
    for (Expression d : displacement) {
      disp = disp == null ? d : new Expression.Binary("+", disp, d);
    }
    return new Operand.Mem(size, segment, base, index, scale, disp, far);
  }

  private static void collect(
      Expression e,
      long sign,
      List<Map.Entry<Register, Long>> registers,
      List<Expression> displacement) {
    if (e instanceof Expression.Reg(Register r)) {
      if (sign != 1) {
        throw new SyntaxError("invalid effective address: register " + r + " cannot be subtracted");
      }
      registers.add(Map.entry(r, 1L));
      return;
    }
    if (e instanceof Expression.Binary(String op, Expression l, Expression r)
        && (op.equals("+") || op.equals("-") || op.equals("*"))) {
      if (op.equals("*")) {
        boolean leftIsRegister = l instanceof Expression.Reg;
        if (leftIsRegister || r instanceof Expression.Reg) {
          Expression.Reg reg = (Expression.Reg) (leftIsRegister ? l : r);
          Expression factor = leftIsRegister ? r : l;
          if (containsRegister(factor) || sign != 1) {
            throw new SyntaxError("invalid effective address: bad scaled register");
          }
          long f = factor.evaluate(NO_SYMBOLS_FOR_SCALE);
          registers.add(Map.entry(reg.register(), f));
          return;
        }
      } else {
        collect(l, sign, registers, displacement);
        collect(r, op.equals("-") ? -sign : sign, registers, displacement);
        return;
      }
    }
    if (containsRegister(e)) {
      throw new SyntaxError("invalid effective address: registers may only be added or scaled");
    }
    displacement.add(sign == 1 ? e : new Expression.Unary('-', e));
  }

  private static final Expression.Scope NO_SYMBOLS_FOR_SCALE =
      constantScope("an index scale must be a constant");

  private static boolean containsRegister(Expression e) {
    return switch (e) {
      case Expression.Reg reg -> true;
      case Expression.Unary u -> containsRegister(u.operand());
      case Expression.Binary b -> containsRegister(b.left()) || containsRegister(b.right());
      default -> false;
    };
  }

  /** A full expression (binary operators by precedence). */
  Expression expression() {
    return binary(1);
  }

  private Expression binary(int minPrecedence) {
    Expression left = unary();
    while (true) {
      Token t = in.peek();
      int p = t.type() == Token.Type.PUNCT ? Expression.Binary.precedence(t.text()) : 0;
      if (p < minPrecedence || p == 0) {
        return left;
      }
      in.next();
      Expression right = binary(p + 1);
      left = new Expression.Binary(t.text(), left, right);
    }
  }

  private Expression unary() {
    Token t = in.peek();
    if (t.is("-") || t.is("+") || t.is("~")) {
      in.next();
      return new Expression.Unary(t.text().charAt(0), unary());
    }
    return primary();
  }

  private Expression primary() {
    Token t = in.next();
    return switch (t.type()) {
      case NUMBER -> new Expression.Literal(t.value());
      case STRING -> new Expression.Literal(characterConstant(t.text()));
      case IDENT -> identifier(t.text());
      case PUNCT -> {
        if (!t.is("(")) {
          throw new SyntaxError("expected an expression, found " + t);
        }
        Expression inner = expression();
        in.expect(")");
        yield inner;
      }
      case END -> throw new SyntaxError("expected an expression, found " + t);
    };
  }

  private Expression identifier(String text) {
    if (text.equals("$")) {
      return new Expression.Here();
    }
    if (text.equals("$$")) {
      return new Expression.Start();
    }
    Register r = Register.byName(text.toLowerCase(Locale.ROOT));
    if (r != null) {
      return new Expression.Reg(r);
    }
    return new Expression.Symbol(qualify.apply(text.startsWith("$") ? text.substring(1) : text));
  }

  /** 'AB' is 0x4241: the first character is the lowest byte, as in NASM. */
  private static long characterConstant(String text) {
    if (text.isEmpty() || text.length() > 4) {
      throw new SyntaxError("a character constant needs 1 to 4 characters: '" + text + "'");
    }
    long v = 0;
    for (int i = text.length() - 1; i >= 0; i--) {
      v = (v << 8) | (text.charAt(i) & 0xFF);
    }
    return v;
  }
}
