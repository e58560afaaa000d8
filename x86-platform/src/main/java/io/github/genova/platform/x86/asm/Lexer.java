package io.github.genova.platform.x86.asm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a source line into tokens; a {@code ;} outside a string starts a comment. */
final class Lexer {
  private Lexer() {}

  static List<Token> tokenize(String line) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = line.length();
    while (i < n) {
      char c = line.charAt(i);
      if (c == ';') {
        break;
      }
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      if (c == '\'' || c == '"' || c == '`') {
        int end = line.indexOf(c, i + 1);
        if (end < 0) {
          throw new SyntaxError("unterminated string starting at column " + (i + 1));
        }
        tokens.add(new Token(Token.Type.STRING, line.substring(i + 1, end), 0));
        i = end + 1;
        continue;
      }
      if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isLetterOrDigit(line.charAt(i)) || line.charAt(i) == '_')) {
          i++;
        }
        String text = line.substring(start, i);
        tokens.add(new Token(Token.Type.NUMBER, text, parseNumber(text)));
        continue;
      }
      if (isIdentStart(c) && (c != '%' || (i + 1 < n && Character.isLetter(line.charAt(i + 1))))) {
        int start = i;
        i++;
        while (i < n && isIdentPart(line.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Token.Type.IDENT, line.substring(start, i), 0));
        continue;
      }
      if (i + 1 < n) {
        String two = line.substring(i, i + 2);
        if (two.equals("<<") || two.equals(">>") || two.equals("//") || two.equals("%%")) {
          tokens.add(new Token(Token.Type.PUNCT, two, 0));
          i += 2;
          continue;
        }
      }
      if ("+-*/%&|^~()[],:".indexOf(c) >= 0) {
        tokens.add(new Token(Token.Type.PUNCT, String.valueOf(c), 0));
        i++;
        continue;
      }
      throw new SyntaxError("unexpected character '" + c + "' at column " + (i + 1));
    }
    tokens.add(new Token(Token.Type.END, "", 0));
    return tokens;
  }

  private static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '.' || c == '$' || c == '?' || c == '@'
        || c == '%';
  }

  private static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '?' || c == '@'
        || c == '#';
  }

  /** Parses 123, 0x7B, 7Bh, 0b1111011, 1111011b, 0o173, 173q; underscores may separate digits. */
  static long parseNumber(String token) {
    String t = token.replace("_", "").toLowerCase(Locale.ROOT);
    int radix = 10;
    String digits = t;
    if (t.startsWith("0x") || t.startsWith("0h")) {
      radix = 16;
      digits = t.substring(2);
    } else if (t.startsWith("0b") && t.length() > 2 && !t.endsWith("h")) {
      radix = 2;
      digits = t.substring(2);
    } else if (t.startsWith("0o") || t.startsWith("0q")) {
      radix = 8;
      digits = t.substring(2);
    } else if (t.endsWith("h")) {
      radix = 16;
      digits = t.substring(0, t.length() - 1);
    } else if (t.endsWith("b") || t.endsWith("y")) {
      radix = 2;
      digits = t.substring(0, t.length() - 1);
    } else if (t.endsWith("q") || t.endsWith("o")) {
      radix = 8;
      digits = t.substring(0, t.length() - 1);
    } else if (t.endsWith("d")) {
      digits = t.substring(0, t.length() - 1);
    }
    try {
      if (digits.isEmpty()) {
        throw new NumberFormatException();
      }
      return Long.parseUnsignedLong(digits, radix);
    } catch (NumberFormatException e) {
      throw new SyntaxError("bad number '" + token + "'");
    }
  }
}
