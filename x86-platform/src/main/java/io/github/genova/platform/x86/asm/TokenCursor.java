package io.github.genova.platform.x86.asm;

import java.util.List;

/** A read position in a line's tokens. */
final class TokenCursor {
  private final List<Token> tokens;
  private int position;

  TokenCursor(List<Token> tokens) {
    this.tokens = tokens;
  }

  Token peek() {
    return peek(0);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(position + ahead, tokens.size() - 1));
  }

  Token next() {
    Token t = peek();
    if (position < tokens.size() - 1) {
      position++;
    }
    return t;
  }

  void expect(String punct) {
    Token t = next();
    if (!t.is(punct)) {
      throw new SyntaxError("expected '" + punct + "', found " + t);
    }
  }

  void expectEnd() {
    Token t = peek();
    if (t.type() != Token.Type.END) {
      throw new SyntaxError("unexpected " + t + " at end of line");
    }
  }
}
