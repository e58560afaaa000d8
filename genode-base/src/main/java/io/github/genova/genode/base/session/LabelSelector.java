package io.github.genova.genode.base.session;

import org.jspecify.annotations.Nullable;

/**
 * Conditions on a session label as a routing rule or a server's session policy states them (Genode's
 * {@code label}, {@code label_prefix}, {@code label_suffix}, {@code label_last} and
 * {@code unscoped_label} attributes). A selector matches when every condition it has holds; one without
 * conditions matches every label. In init's routing the scoped conditions see the label below the
 * requesting child's name, {@code unscoped_label} the whole label.
 *
 * @param label the whole (scoped) label must equal this
 * @param labelPrefix the scoped label must start with this
 * @param labelSuffix the scoped label must end with this
 * @param labelLast the last element must equal this
 * @param unscopedLabel the unscoped label must equal this
 */
public record LabelSelector(@Nullable String label, @Nullable String labelPrefix,
    @Nullable String labelSuffix, @Nullable String labelLast, @Nullable String unscopedLabel) {
  /** The selector without conditions. */
  public static final LabelSelector ANY = new LabelSelector(null, null, null, null, null);

  /** Returns whether the selector has no condition. */
  public boolean isAny() {
    return label == null && labelPrefix == null && labelSuffix == null && labelLast == null
        && unscopedLabel == null;
  }

  /** Returns whether {@code label} meets every condition, used as both scoped and unscoped label. */
  public boolean matches(SessionLabel label) {
    return matches(label, label);
  }

  /**
   * Returns whether every condition holds, the scoped ones for {@code scoped} and {@code unscoped_label}
   * for {@code unscoped}.
   */
  public boolean matches(SessionLabel scoped, SessionLabel unscoped) {
    String s = scoped.toString();
    return (label == null || s.equals(label))
        && (labelPrefix == null || s.startsWith(labelPrefix))
        && (labelSuffix == null || s.endsWith(labelSuffix))
        && (labelLast == null || scoped.last().equals(labelLast))
        && (unscopedLabel == null || unscoped.toString().equals(unscopedLabel));
  }
}
