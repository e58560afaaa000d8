package io.github.genova.platform.x86.jit;

import io.github.genova.platform.x86.interp.BlockCompiler;
import io.github.genova.platform.x86.interp.CompiledBlock;
import io.github.genova.platform.x86.interp.DecodedBlock;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles hot blocks to hidden classes ({@link MethodHandles.Lookup#defineHiddenClass}) made by
 * {@link BlockTranslator}. Compiled code depends only on the micro-ops, the default operand size and the
 * stack width, so blocks with equal micro-ops share one class (as JPC named its classes by a hash of the
 * micro-ops); the most recently used {@link #CACHED} translations are kept, and a hidden class that neither
 * the cache nor a live block references is unloaded.
 */
final class BytecodeCompiler implements BlockCompiler {
  /** Distinct translations kept for reuse. */
  static final int CACHED = 4096;

  private final int threshold;
  private final MethodHandles.Lookup lookup = MethodHandles.lookup();
  private final BlockTranslator translator = new BlockTranslator(lookup);
  private final Map<Key, CompiledBlock> cache = new LinkedHashMap<>(256, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, CompiledBlock> eldest) {
      return size() > CACHED;
    }
  };

  private int translations;

  BytecodeCompiler(int threshold) {
    this.threshold = threshold;
  }

  /** Returns how many classes this compiler has made (distinct translations, cache hits not counted). */
  int translations() {
    return translations;
  }

  @Override
  public int threshold() {
    return threshold;
  }

  @Override
  public @Nullable CompiledBlock compile(DecodedBlock block, boolean stack32) {
    int covered = BlockTranslator.coveredPrefix(block);
    if (covered == 0) {
      return null;
    }
    int stackWidth = BlockTranslator.usesStack(block, covered) ? (stack32 ? 32 : 16) : 0;
    int[] ops = new int[covered * DecodedBlock.STRIDE];
    for (int k = 0; k < covered; k++) {
      for (int f = 0; f < DecodedBlock.STRIDE; f++) {
        ops[k * DecodedBlock.STRIDE + f] = block.field(k, f);
      }
    }
    Key key = new Key(block.code32(), stackWidth, ops);
    CompiledBlock cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    byte[] bytes = translator.translate(block, covered, stackWidth);
    CompiledBlock compiled;
    try {
      MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true);
      compiled = (CompiledBlock) hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class))
          .invoke();
    } catch (Throwable t) {
      throw new IllegalStateException("defining the compiled block failed", t);
    }
    cache.put(key, compiled);
    translations++;
    return compiled;
  }

  /** The inputs a translation depends on; equal keys give equal code. */
  private static final class Key {
    private final boolean code32;
    private final int stackWidth;
    private final int[] ops;
    private final int hash;

    Key(boolean code32, int stackWidth, int[] ops) {
      this.code32 = code32;
      this.stackWidth = stackWidth;
      this.ops = ops;
      this.hash = Arrays.hashCode(ops) * 31 + stackWidth * 2 + (code32 ? 1 : 0);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Key k && k.code32 == code32 && k.stackWidth == stackWidth && Arrays.equals(k.ops, ops);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
