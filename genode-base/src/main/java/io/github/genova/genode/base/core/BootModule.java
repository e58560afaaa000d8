package io.github.genova.genode.base.core;

/**
 * A boot module: the name it becomes a ROM under (the last element of its path) and its content. A module
 * without content of its own (a Java component's binary) has an empty content. Immutable.
 */
public final class BootModule {
  private final String name;
  private final byte[] content;

  /**
   * Creates module {@code name} (e.g. {@code init} for {@code /genode/init}) with a copy of {@code content}.
   *
   * @throws IllegalArgumentException if the name is empty
   */
  public BootModule(String name, byte[] content) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a boot module needs a name");
    }
    this.name = name;
    this.content = content.clone();
  }

  /** Returns the ROM name. */
  public String name() {
    return name;
  }

  /** Returns a copy of the content. */
  public byte[] content() {
    return content.clone();
  }

  /** Returns the content's length. */
  public int size() {
    return content.length;
  }
}
