package io.github.genova.platform.x86;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds {@link X86Backend}s through {@link ServiceLoader}. */
public final class X86Backends {
  private X86Backends() {}

  /** Returns every backend on the module or class path, in discovery order. */
  public static List<X86Backend> all() {
    List<X86Backend> found = new ArrayList<>();
    ServiceLoader.load(X86Backend.class, X86Backend.class.getClassLoader()).forEach(found::add);
    return found;
  }

  /**
   * Returns the backend called {@code name}.
   *
   * @throws IllegalArgumentException naming the available backends when none has that name
   */
  public static X86Backend named(String name) {
    List<String> names = new ArrayList<>();
    for (X86Backend b : all()) {
      if (b.name().equals(name)) {
        return b;
      }
      names.add(b.name());
    }
    throw new IllegalArgumentException("no x86 backend named '" + name + "'; available: " + names);
  }
}
