package io.github.genova.platform.x86.asm;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The result of assembling a source: a flat image whose first byte belongs at {@link #origin()}, and
 * the final value of every label and {@code equ} symbol (local labels under their qualified name,
 * {@code parent.local}).
 */
public final class Assembly {
  private final byte[] image;
  private final long origin;
  private final Map<String, Long> symbols;
  private final List<Span> spans;

  /** The bytes one source line produced: addresses [start, end). */
  record Span(long start, long end, String sourceName, int line) {}

  Assembly(byte[] image, long origin, Map<String, Long> symbols, List<Span> spans) {
    this.image = image.clone();
    this.origin = origin;
    this.symbols = new TreeMap<>(symbols);
    this.spans = List.copyOf(spans);
  }

  /** A copy of the assembled bytes. */
  public byte[] image() {
    return image.clone();
  }

  /** The image size in bytes. */
  public int size() {
    return image.length;
  }

  /** The address of the image's first byte, as set by {@code org} (0 by default). */
  public long origin() {
    return origin;
  }

  /** The final value of a symbol, or empty if the source does not define it. */
  public Optional<Long> symbol(String name) {
    return Optional.ofNullable(symbols.get(name));
  }

  /** The image offset of a label: its value minus the origin. */
  public int offsetOf(String label) {
    Long v = symbols.get(label);
    if (v == null) {
      throw new IllegalArgumentException("no symbol '" + label + "' in this assembly");
    }
    return Math.toIntExact(v - origin);
  }

  /**
   * The source line that produced the byte at an address, as {@code name:line} (for example to
   * name the instruction at a CPU's EIP), or empty if no line produced it.
   */
  public Optional<String> sourceLocation(long address) {
    int low = 0;
    int high = spans.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      Span span = spans.get(mid);
      if (address < span.start()) {
        high = mid - 1;
      } else if (address >= span.end()) {
        low = mid + 1;
      } else {
        return Optional.of(span.sourceName() + ":" + span.line());
      }
    }
    return Optional.empty();
  }

  /** All symbols with their final values, sorted by name. */
  public Map<String, Long> symbols() {
    return java.util.Collections.unmodifiableMap(symbols);
  }
}
