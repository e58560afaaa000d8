package io.github.genova.genode.base.session;

import io.github.genova.genode.base.quota.NumberOfBytes;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a session request in Genode's {@code Arg_string} grammar, immutable:
 *
 * <pre>
 * args   = [ arg { "," arg } ]            blanks around tokens are ignored
 * arg    = key "=" value
 * key    = ident
 * value  = number | string | ident
 * number = [ "+" | "-" ] ( digits | "0x" hexdigits ) [ "K" | "M" | "G" ]     K/M/G: 2^10, 2^20, 2^30
 * string = '"' { any character but '"' or '\' | '\' any character } '"'
 * ident  = ( letter | "_" ) { letter | digit | "_" }
 * </pre>
 *
 * <p>Parsing checks the whole string and reports the first error with its key and position; reading a
 * present value in the wrong form (a string where a number is wanted) is an error too, while an
 * absent key gives the caller's default, as in Genode. When a key occurs more than once the first
 * occurrence counts; {@link #with} removes every occurrence and appends the new one at the end
 * (Genode's {@code set_arg}). {@link #toString()} gives the string form, which parses back to equal
 * arguments.
 */
public final class SessionArgs {
  private static final SessionArgs EMPTY = new SessionArgs(List.of());

  /**
   * One argument as written: its key and the text of its value.
   *
   * @param key the key
   * @param value the value's text, quoted strings with their quotes and escapes
   */
  public record Arg(String key, String value) {
    @Override
    public String toString() {
      return key + "=" + value;
    }
  }

  private final List<Arg> args;

  private SessionArgs(List<Arg> args) {
    this.args = List.copyOf(args);
  }

  /** Returns arguments without any key. */
  public static SessionArgs empty() {
    return EMPTY;
  }

  /**
   * Parses {@code text}.
   *
   * @throws SessionArgsException naming the key and position of the first violation of the grammar
   */
  public static SessionArgs parse(String text) {
    return new SessionArgs(new Scanner(text).args());
  }

  /** Returns the arguments in order, as written. */
  public List<Arg> args() {
    return args;
  }

  /** Returns whether {@code key} is present. */
  public boolean has(String key) {
    return find(key) != null;
  }

  /**
   * Returns the number under {@code key} with its K/M/G suffix applied, or {@code defaultValue} when
   * the key is absent (Genode's {@code ulong_value}/{@code long_value}).
   *
   * @throws SessionArgsException if the value is not a number
   */
  public long longValue(String key, long defaultValue) {
    Arg arg = find(key);
    if (arg == null) {
      return defaultValue;
    }
    Long number = number(arg.value());
    if (number == null) {
      throw new SessionArgsException(key, -1, "expected a number, got " + arg.value());
    }
    return number;
  }

  /**
   * Returns the text under {@code key} (a quoted string without quotes and escapes, otherwise the value
   * as written), or {@code defaultValue} when the key is absent.
   */
  public String stringValue(String key, String defaultValue) {
    Arg arg = find(key);
    return arg == null ? defaultValue : unquote(arg.value());
  }

  /**
   * Returns the truth value under {@code key} ({@code yes}, {@code true}, {@code on} or {@code no},
   * {@code false}, {@code off}, also quoted), or {@code defaultValue} when the key is absent.
   *
   * @throws SessionArgsException if the value is none of these words
   */
  public boolean boolValue(String key, boolean defaultValue) {
    Arg arg = find(key);
    if (arg == null) {
      return defaultValue;
    }
    return switch (unquote(arg.value())) {
      case "yes", "true", "on" -> true;
      case "no", "false", "off" -> false;
      default -> throw new SessionArgsException(key, -1,
          "expected yes/true/on or no/false/off, got " + arg.value());
    };
  }

  /** Returns the session label ({@code label}), empty when absent. */
  public SessionLabel label() {
    return SessionLabel.of(stringValue("label", ""));
  }

  /** Returns these arguments with {@code key} set to the decimal {@code number}. */
  public SessionArgs with(String key, long number) {
    return withRaw(key, Long.toString(number));
  }

  /** Returns these arguments with {@code key} set to {@code text} as a quoted string. */
  public SessionArgs with(String key, String text) {
    return withRaw(key, quote(text));
  }

  /** Returns these arguments with {@code key} set to {@code yes} or {@code no}. */
  public SessionArgs with(String key, boolean value) {
    return withRaw(key, value ? "yes" : "no");
  }

  /** Returns these arguments with {@code label} set to {@code label}. */
  public SessionArgs with(SessionLabel label) {
    return with("label", label.toString());
  }

  /** Returns these arguments without any occurrence of {@code key}. */
  public SessionArgs without(String key) {
    List<Arg> rest = new ArrayList<>(args.size());
    for (Arg a : args) {
      if (!a.key().equals(key)) {
        rest.add(a);
      }
    }
    return rest.size() == args.size() ? this : new SessionArgs(rest);
  }

  private SessionArgs withRaw(String key, String raw) {
    if (!isIdent(key)) {
      throw new SessionArgsException(key, -1, "a key must be an identifier");
    }
    List<Arg> next = new ArrayList<>(without(key).args);
    next.add(new Arg(key, raw));
    return new SessionArgs(next);
  }

  private @Nullable Arg find(String key) {
    for (Arg a : args) {
      if (a.key().equals(key)) {
        return a;
      }
    }
    return null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionArgs other && other.args.equals(args);
  }

  @Override
  public int hashCode() {
    return args.hashCode();
  }

  /** Returns the arguments as a Genode argument string, {@code key=value} joined by {@code ", "}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (Arg a : args) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      sb.append(a);
    }
    return sb.toString();
  }

  // ---- values ----

  /** Returns {@code text} as a quoted string, escaping quotes and backslashes. */
  static String quote(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.append('"').toString();
  }

  private static String unquote(String raw) {
    if (raw.isEmpty() || raw.charAt(0) != '"') {
      return raw;
    }
    StringBuilder sb = new StringBuilder(raw.length());
    for (int i = 1; i < raw.length() - 1; i++) {
      char c = raw.charAt(i);
      if (c == '\\') {
        c = raw.charAt(++i);
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** Returns the value of a syntactically valid number token, or null for other tokens. */
  private static @Nullable Long number(String raw) {
    char c = raw.charAt(0);
    if (c != '+' && c != '-' && !isDigit(c)) {
      return null;
    }
    return Scanner.numberValue(raw);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean isIdentPart(char c) {
    return isIdentStart(c) || isDigit(c);
  }

  private static boolean isIdent(String s) {
    if (s.isEmpty() || !isIdentStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!isIdentPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** A single pass over an argument string. */
  private static final class Scanner {
    private final String text;
    private int pos;

    Scanner(String text) {
      this.text = text;
    }

    List<Arg> args() {
      List<Arg> result = new ArrayList<>();
      skipBlanks();
      if (pos == text.length()) {
        return result;
      }
      while (true) {
        result.add(arg());
        skipBlanks();
        if (pos == text.length()) {
          return result;
        }
        char c = text.charAt(pos);
        if (c != ',') {
          throw new SessionArgsException(result.getLast().key(), pos,
              "expected ',' after the value, found '" + c + "'");
        }
        pos++;
        skipBlanks();
      }
    }

    private Arg arg() {
      int keyStart = pos;
      if (pos == text.length() || !isIdentStart(text.charAt(pos))) {
        throw new SessionArgsException(null, pos, pos == text.length()
            ? "expected a key, found the end" : "expected a key, found '" + text.charAt(pos) + "'");
      }
      while (pos < text.length() && isIdentPart(text.charAt(pos))) {
        pos++;
      }
      String key = text.substring(keyStart, pos);
      skipBlanks();
      if (pos == text.length() || text.charAt(pos) != '=') {
        throw new SessionArgsException(key, pos, "expected '=' after the key");
      }
      pos++;
      skipBlanks();
      return new Arg(key, value(key));
    }

    private String value(String key) {
      int start = pos;
      if (pos == text.length()) {
        throw new SessionArgsException(key, pos, "expected a value, found the end");
      }
      char c = text.charAt(pos);
      if (c == '"') {
        pos++;
        while (pos < text.length() && text.charAt(pos) != '"') {
          pos += text.charAt(pos) == '\\' ? 2 : 1;
        }
        if (pos >= text.length()) {
          throw new SessionArgsException(key, start, "unterminated string");
        }
        pos++;
        return text.substring(start, pos);
      }
      if (isIdentStart(c)) {
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
          pos++;
        }
        return text.substring(start, pos);
      }
      if (c == '+' || c == '-' || isDigit(c)) {
        pos++;
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
          pos++;
        }
        String raw = text.substring(start, pos);
        if (numberValue(raw) == null) {
          throw new SessionArgsException(key, start, "malformed number \"" + raw + "\"");
        }
        return raw;
      }
      throw new SessionArgsException(key, pos, "expected a value, found '" + c + "'");
    }

    private void skipBlanks() {
      while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
        pos++;
      }
    }

    /** Returns the value of a number token, or null if it is malformed or does not fit a long. */
    static @Nullable Long numberValue(String raw) {
      boolean signed = raw.charAt(0) == '+' || raw.charAt(0) == '-';
      OptionalLong magnitude = NumberOfBytes.parse(signed ? raw.substring(1) : raw);
      if (magnitude.isEmpty()) {
        return null;
      }
      return raw.charAt(0) == '-' ? -magnitude.getAsLong() : magnitude.getAsLong();
    }
  }
}
