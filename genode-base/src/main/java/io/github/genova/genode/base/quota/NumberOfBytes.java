package io.github.genova.genode.base.quota;

import java.util.OptionalLong;

/**
 * Genode's notation for amounts of bytes (its {@code Number_of_bytes}), as in {@code quantum="16M"}
 * and {@code ram_quota=8K}: a decimal or {@code 0x}-prefixed hexadecimal number with an optional
 * {@code K}, {@code M} or {@code G} suffix for 2^10, 2^20 and 2^30.
 */
public final class NumberOfBytes {
  private NumberOfBytes() {}

  /** Returns the value of {@code text}, or empty if it is not such a number or exceeds a long. */
  public static OptionalLong parse(String text) {
    int end = text.length();
    long factor = switch (end == 0 ? ' ' : text.charAt(end - 1)) {
      case 'K' -> 1L << 10;
      case 'M' -> 1L << 20;
      case 'G' -> 1L << 30;
      default -> 1;
    };
    if (factor != 1) {
      end--;
    }
    int i = 0;
    int radix = 10;
    if (end > 2 && text.charAt(0) == '0' && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
      radix = 16;
      i = 2;
    }
    if (i == end) {
      return OptionalLong.empty();
    }
    long value = 0;
    try {
      for (; i < end; i++) {
        int digit = Character.digit(text.charAt(i), radix);
        if (digit < 0) {
          return OptionalLong.empty();
        }
        value = Math.addExact(Math.multiplyExact(value, radix), digit);
      }
      return OptionalLong.of(Math.multiplyExact(value, factor));
    } catch (ArithmeticException overflow) {
      return OptionalLong.empty();
    }
  }

  /** Returns {@code bytes} with the largest suffix that divides it, e.g. {@code 16M}, {@code 12K}, {@code 100}. */
  public static String format(long bytes) {
    if (bytes != 0 && bytes % (1L << 30) == 0) {
      return bytes / (1L << 30) + "G";
    }
    if (bytes != 0 && bytes % (1L << 20) == 0) {
      return bytes / (1L << 20) + "M";
    }
    if (bytes != 0 && bytes % (1L << 10) == 0) {
      return bytes / (1L << 10) + "K";
    }
    return Long.toString(bytes);
  }
}
