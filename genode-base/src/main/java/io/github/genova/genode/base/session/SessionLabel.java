package io.github.genova.genode.base.session;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A session label: the chain of names from the outermost parent's child down to the requester's own
 * name for the session, joined by {@value #SEPARATOR}, e.g. {@code "init -> launchpad -> testnit"}.
 * Every parent prefixes the labels of its child's requests with the child's name ({@link
 * #prefixed}), so a server sees who asked, and nobody can pose as another. Immutable; equal when the
 * text is equal.
 */
public final class SessionLabel {
  /** The separator between label elements. */
  public static final String SEPARATOR = " -> ";

  private static final SessionLabel EMPTY = new SessionLabel("");

  private final String text;

  private SessionLabel(String text) {
    this.text = text;
  }

  /** Returns the label with the text {@code text}. */
  public static SessionLabel of(String text) {
    return text.isEmpty() ? EMPTY : new SessionLabel(text);
  }

  /** Returns the empty label. */
  public static SessionLabel empty() {
    return EMPTY;
  }

  /**
   * Returns {@code label} as seen after a parent passes it on from its child {@code prefix} (Genode's
   * {@code prefixed_label}): {@code "prefix -> label"}, or the one that is not empty if either is.
   */
  public static SessionLabel prefixed(String prefix, SessionLabel label) {
    if (label.isEmpty()) {
      return of(prefix);
    }
    if (prefix.isEmpty()) {
      return label;
    }
    return new SessionLabel(prefix + SEPARATOR + label.text);
  }

  /** Returns whether the label is empty. */
  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** Returns the elements in order: {@code "a -> b -> c"} gives a, b, c; the empty label none. */
  public List<String> elements() {
    return text.isEmpty() ? List.of() : List.of(text.split(SEPARATOR, -1));
  }

  /** Returns the last element, the requester's own name for the session ({@code "c"} of {@code "a -> b -> c"}). */
  public String last() {
    int at = text.lastIndexOf(SEPARATOR);
    return at < 0 ? text : text.substring(at + SEPARATOR.length());
  }

  /** Returns all but the last element ({@code "a -> b"} of {@code "a -> b -> c"}), empty for one element. */
  public SessionLabel prefix() {
    int at = text.lastIndexOf(SEPARATOR);
    return at < 0 ? EMPTY : new SessionLabel(text.substring(0, at));
  }

  /**
   * Returns the label below the first element if that is {@code child}: for {@code child} "b" the label
   * {@code "b -> c -> d"} gives {@code "c -> d"}, and {@code "b"} gives the empty label. Returns null
   * when the label does not start with {@code child}. This is the part routing selectors look at.
   */
  public @Nullable SessionLabel withoutPrefix(String child) {
    if (text.equals(child)) {
      return EMPTY;
    }
    String head = child + SEPARATOR;
    return text.startsWith(head) ? of(text.substring(head.length())) : null;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SessionLabel other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the label's text. */
  @Override
  public String toString() {
    return text;
  }
}
