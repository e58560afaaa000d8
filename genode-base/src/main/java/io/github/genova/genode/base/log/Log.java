package io.github.genova.genode.base.log;

import java.util.function.Consumer;

/**
 * A component's log: formats lines as Genode does ({@code [label] text}; warnings and errors with the
 * {@code Warning: } / {@code Error: } prefix) and hands each complete line to a sink. Thread-safe as far
 * as the sink is.
 */
public final class Log {
  private final String label;
  private final Consumer<String> sink;
  private final boolean labelled;

  /**
   * Creates a log for the component labelled {@code label} writing complete lines to {@code sink}.
   *
   * @param label the component's label chain, e.g. {@code init -> server}
   */
  public Log(String label, Consumer<String> sink) {
    this(label, sink, true);
  }

  private Log(String label, Consumer<String> sink, boolean labelled) {
    this.label = label;
    this.sink = sink;
    this.labelled = labelled;
  }

  /**
   * Creates a log for the component labelled {@code label} whose lines go, without the label, to
   * {@code writer}: a LOG session, whose server adds the session's label.
   */
  public static Log via(String label, Consumer<String> writer) {
    return new Log(label, writer, false);
  }

  /** A log that writes to standard error. */
  public static Log stderr(String label) {
    return new Log(label, System.err::println);
  }

  /** Returns the component's label. */
  public String label() {
    return label;
  }

  /** Logs {@code text}. */
  public void log(String text) {
    sink.accept(labelled ? "[" + label + "] " + text : text);
  }

  /** Logs {@code text} as a warning. */
  public void warning(String text) {
    log("Warning: " + text);
  }

  /** Logs {@code text} as an error. */
  public void error(String text) {
    log("Error: " + text);
  }
}
