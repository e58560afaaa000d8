package io.github.genova.platform.x86.interp;

import org.jspecify.annotations.Nullable;

/**
 * The JIT tier as the interpreter sees it: once a {@link DecodedBlock} has run {@link #threshold()} times,
 * the interpreter asks for compiled code and from then on runs it in place of its micro-op loop while the
 * block stays valid. Compilation happens on the running thread, so a run is as deterministic with the JIT as
 * without.
 *
 * <p>Public only for the JIT backend (this package is not exported).
 */
public interface BlockCompiler {
  /** Returns after how many runs a block is compiled (1 compiles at the first run). */
  int threshold();

  /**
   * Compiles a prefix of {@code block} for a stack of the given width, or returns null when there is
   * nothing to gain (the block starts with a {@link DecodedBlock#SLOW} instruction).
   */
  @Nullable CompiledBlock compile(DecodedBlock block, boolean stack32);
}
