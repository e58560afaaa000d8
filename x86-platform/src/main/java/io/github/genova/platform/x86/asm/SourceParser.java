package io.github.genova.platform.x86.asm;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Parses source text (and the files it includes) into {@link SourceLine}s once; the passes then
 * only evaluate and encode. Local labels ({@code .loop}) are qualified here with the last ordinary
 * label before them.
 */
final class SourceParser {
  private static final int MAX_INCLUDE_DEPTH = 16;
  private static final Set<String> DATA = Set.of("db", "dw", "dd");
  private static final Set<String> RESERVE = Set.of("resb", "resw", "resd");

  private final IncludeResolver includes;
  private final List<SourceLine> lines = new ArrayList<>();
  private final Set<String> including = new HashSet<>();
  private String parentLabel = "";

  private SourceParser(IncludeResolver includes) {
    this.includes = includes;
  }

  static List<SourceLine> parse(String sourceName, String text, IncludeResolver includes) {
    SourceParser parser = new SourceParser(includes);
    parser.parseFile(sourceName, text, 0);
    return parser.lines;
  }

  private void parseFile(String sourceName, String text, int depth) {
    including.add(sourceName);
    String[] rows = text.split("\r?\n", -1);
    for (int i = 0; i < rows.length; i++) {
      int lineNumber = i + 1;
      try {
        parseLine(sourceName, lineNumber, rows[i], depth);
      } catch (SyntaxError e) {
        throw new AssemblyException(sourceName, lineNumber, e.problem());
      }
    }
    including.remove(sourceName);
  }

  private void parseLine(String sourceName, int lineNumber, String row, int depth) {
    TokenCursor in = new TokenCursor(Lexer.tokenize(row));
    if (in.peek().type() == Token.Type.END) {
      return;
    }
    if (in.peek().isWord("%include")) {
      in.next();
      Token name = in.next();
      if (name.type() != Token.Type.STRING) {
        throw new SyntaxError("%include needs a quoted file name");
      }
      in.expectEnd();
      include(name.text(), depth);
      return;
    }
    String label = null;
    Token first = in.peek();
    if (first.type() == Token.Type.IDENT && Register.byName(lower(first.text())) == null) {
      Token second = in.peek(1);
      if (second.is(":")) {
        label = defineLabel(first.text());
        in.next();
        in.next();
      } else if (second.isWord("equ")) {
        in.next();
        in.next();
        String name = qualify(first.text());
        Expression value = new OperandParser(in, this::qualify).expression();
        in.expectEnd();
        lines.add(new SourceLine(sourceName, lineNumber, null, new Statement.Equ(name, value)));
        return;
      } else if (second.type() == Token.Type.IDENT
          && (DATA.contains(lower(second.text()))
              || RESERVE.contains(lower(second.text()))
              || second.isWord("times"))) {
        label = defineLabel(first.text());
        in.next();
      }
    }
    Statement statement = in.peek().type() == Token.Type.END ? null : statement(in);
    lines.add(new SourceLine(sourceName, lineNumber, label, statement));
  }

  private void include(String name, int depth) {
    if (depth >= MAX_INCLUDE_DEPTH || including.contains(name)) {
      throw new SyntaxError("%include \"" + name + "\" nests too deeply or includes itself");
    }
    String text =
        includes
            .resolve(name)
            .orElseThrow(() -> new SyntaxError("cannot find include file \"" + name + "\""));
    parseFile(name, text, depth + 1);
  }

  private Statement statement(TokenCursor in) {
    Token head = in.next();
    if (head.type() != Token.Type.IDENT) {
      throw new SyntaxError("expected a mnemonic or directive, found " + head);
    }
    String word = lower(head.text());
    OperandParser operands = new OperandParser(in, this::qualify);
    return switch (word) {
      case "bits", "use16", "use32" -> {
        int bits = word.equals("bits") ? (int) operands.constant() : word.equals("use16") ? 16 : 32;
        in.expectEnd();
        if (bits != 16 && bits != 32) {
          throw new SyntaxError("bits must be 16 or 32, not " + bits);
        }
        yield new Statement.Bits(bits);
      }
      case "org" -> {
        Expression address = operands.expression();
        in.expectEnd();
        yield new Statement.Org(address);
      }
      case "times" -> {
        Expression count = operands.expression();
        if (in.peek().type() == Token.Type.END) {
          throw new SyntaxError("times needs a statement to repeat");
        }
        yield new Statement.Times(count, statement(in));
      }
      case "align" -> {
        Expression boundary = operands.expression();
        Expression fill = null;
        if (in.peek().is(",")) {
          in.next();
          if (!in.next().isWord("db")) {
            throw new SyntaxError("align fill must be written 'db value'");
          }
          fill = operands.expression();
        }
        in.expectEnd();
        yield new Statement.Align(boundary, fill);
      }
      case "db", "dw", "dd" -> new Statement.Data(unitSize(word), operands.dataItems());
      case "resb", "resw", "resd" -> {
        Expression count = operands.expression();
        in.expectEnd();
        yield new Statement.Reserve(unitSize(word), count);
      }
      default -> instruction(word, in, operands);
    };
  }

  private static int unitSize(String directive) {
    return switch (directive.charAt(directive.length() - 1)) {
      case 'b' -> 1;
      case 'w' -> 2;
      default -> 4;
    };
  }

  private static Statement instruction(String first, TokenCursor in, OperandParser operands) {
    int repeat = 0;
    boolean lock = false;
    int operandSize = 0;
    int addressSize = 0;
    Register segment = null;
    String word = first;
    while (true) {
      boolean prefix = true;
      switch (word) {
        case "rep", "repe", "repz" -> repeat = 0xF3;
        case "repne", "repnz" -> repeat = 0xF2;
        case "lock" -> lock = true;
        case "o16" -> operandSize = 2;
        case "o32" -> operandSize = 4;
        case "a16" -> addressSize = 2;
        case "a32" -> addressSize = 4;
        default -> {
          Register r = Register.byName(word);
          if (r != null && r.kind == Register.Kind.SEGMENT && in.peek().type() == Token.Type.IDENT) {
            segment = r;
          } else {
            prefix = false;
          }
        }
      }
      if (!prefix) {
        break;
      }
      Token next = in.next();
      if (next.type() != Token.Type.IDENT) {
        throw new SyntaxError("expected a mnemonic after prefix '" + word + "'");
      }
      word = lower(next.text());
    }
    List<Operand> list = operands.operands();
    return new Statement.Instruction(
        word, list, new Statement.Prefixes(repeat, lock, operandSize, addressSize, segment));
  }

  private @Nullable String defineLabel(String name) {
    String qualified = qualify(name);
    if (!name.startsWith(".")) {
      parentLabel = name;
    }
    return qualified;
  }

  private String qualify(String name) {
    if (name.startsWith("..")) {
      return name;
    }
    return name.startsWith(".") ? parentLabel + name : name;
  }

  private static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
