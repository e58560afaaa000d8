package io.github.genova.platform.x86.asm;

/**
 * One lexical token of a source line.
 *
 * @param type what kind of token
 * @param text the identifier (as written), the string contents, or the punctuation
 * @param value the value of a number token
 */
record Token(Type type, String text, long value) {
  /** Token kinds. */
  enum Type {
    NUMBER,
    STRING,
    IDENT,
    PUNCT,
    END
  }

  boolean is(String punct) {
    return type == Type.PUNCT && text.equals(punct);
  }

  boolean isWord(String lowerCase) {
    return type == Type.IDENT && text.equalsIgnoreCase(lowerCase);
  }

  @Override
  public String toString() {
    return switch (type) {
      case END -> "end of line";
      case STRING -> "'" + text + "'";
      case NUMBER -> "number " + text;
      default -> "'" + text + "'";
    };
  }
}
