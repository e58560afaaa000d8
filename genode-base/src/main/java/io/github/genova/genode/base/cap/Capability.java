package io.github.genova.genode.base.cap;

/**
 * A typed capability: the right to invoke an object of interface {@code T}, named by a selector of the
 * holder's protection domain (its <em>local name</em>). The type is a compile-time promise only, as in
 * Genode; the selector is all that travels. A capability is immutable and compares by selector; {@link
 * #invalid()} names nothing.
 *
 * @param <T> the RPC interface of the object the capability refers to
 */
@SuppressWarnings("UnusedTypeParameter") // a phantom type: the compile-time promise Genode's Capability<IF> makes
public final class Capability<T> {
  /** The selector value of the invalid capability ({@code ~0}, as Genode on NOVA uses it). */
  public static final long INVALID_SELECTOR = -1L;

  private static final Capability<?> INVALID = new Capability<>(INVALID_SELECTOR);

  private final long selector;

  private Capability(long selector) {
    this.selector = selector;
  }

  /**
   * Returns the capability at selector {@code selector} of the holder's PD.
   *
   * @throws IllegalArgumentException if the selector is negative (use {@link #invalid()})
   */
  public static <T> Capability<T> of(long selector) {
    if (selector < 0) {
      throw new IllegalArgumentException("a capability selector is not negative: " + selector);
    }
    return new Capability<>(selector);
  }

  /** Returns the invalid capability, which names no object. */
  @SuppressWarnings("unchecked")
  public static <T> Capability<T> invalid() {
    return (Capability<T>) INVALID;
  }

  /** Returns the local name: the selector in the holder's PD ({@link #INVALID_SELECTOR} if invalid). */
  public long selector() {
    return selector;
  }

  /** Returns whether the capability names an object. */
  public boolean valid() {
    return selector != INVALID_SELECTOR;
  }

  /**
   * Returns the same capability under another interface type, as Genode's {@code reinterpret_cap_cast}: the
   * caller vouches for the type.
   */
  @SuppressWarnings("unchecked")
  public <U> Capability<U> cast() {
    return (Capability<U>) this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Capability<?> c && c.selector == selector;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(selector);
  }

  @Override
  public String toString() {
    return valid() ? "cap(0x" + Long.toHexString(selector) + ")" : "cap(invalid)";
  }
}
