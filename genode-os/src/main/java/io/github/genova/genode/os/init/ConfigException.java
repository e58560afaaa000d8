package io.github.genova.genode.os.init;

/**
 * A configuration init cannot use, with a message naming the offending element (or attribute) and its
 * line, like {@code <start> at line 12: missing attribute "name"}.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String element;
  private final int line;

  /** Creates the exception for {@code element} at {@code line} (0 when unknown). */
  public ConfigException(String element, int line, String problem) {
    super(describe(element, line, problem));
    this.element = element;
    this.line = line;
  }

  /** Returns the text that names {@code element} and {@code line} before {@code problem}. */
  static String describe(String element, int line, String problem) {
    return "<" + element + ">" + (line > 0 ? " at line " + line : "") + ": " + problem;
  }

  /** Returns the name of the offending element. */
  public String element() {
    return element;
  }

  /** Returns the line of the offending element, or 0 when unknown. */
  public int line() {
    return line;
  }
}
