package io.github.genova.platform.x86.asm;

import java.util.Optional;

/**
 * Finds the text of a file named by {@code %include "name"}. Resolution is up to the caller (class
 * path resources, a directory, a map in a test); the assembler never touches the file system itself.
 */
@FunctionalInterface
public interface IncludeResolver {
  /** No includes: every {@code %include} is an error. */
  IncludeResolver NONE = name -> Optional.empty();

  /** The source text of the named file, or empty if there is no such file. */
  Optional<String> resolve(String name);
}
