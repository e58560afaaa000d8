package io.github.genova.platform.x86.asm;

import java.util.Map;

/** The x86 condition codes by their mnemonic suffixes ({@code e}, {@code nz}, {@code ae}, ...). */
final class ConditionCode {
  private static final Map<String, Integer> CODES =
      Map.ofEntries(
          Map.entry("o", 0x0), Map.entry("no", 0x1),
          Map.entry("b", 0x2), Map.entry("c", 0x2), Map.entry("nae", 0x2),
          Map.entry("ae", 0x3), Map.entry("nb", 0x3), Map.entry("nc", 0x3),
          Map.entry("e", 0x4), Map.entry("z", 0x4),
          Map.entry("ne", 0x5), Map.entry("nz", 0x5),
          Map.entry("be", 0x6), Map.entry("na", 0x6),
          Map.entry("a", 0x7), Map.entry("nbe", 0x7),
          Map.entry("s", 0x8), Map.entry("ns", 0x9),
          Map.entry("p", 0xA), Map.entry("pe", 0xA),
          Map.entry("np", 0xB), Map.entry("po", 0xB),
          Map.entry("l", 0xC), Map.entry("nge", 0xC),
          Map.entry("ge", 0xD), Map.entry("nl", 0xD),
          Map.entry("le", 0xE), Map.entry("ng", 0xE),
          Map.entry("g", 0xF), Map.entry("nle", 0xF));

  private ConditionCode() {}

  /**
   * The condition code of a mnemonic that starts with the given stem ({@code j}, {@code set},
   * {@code cmov}), or -1 if the rest is not a condition.
   */
  static int of(String mnemonic, String stem) {
    if (!mnemonic.startsWith(stem)) {
      return -1;
    }
    return CODES.getOrDefault(mnemonic.substring(stem.length()), -1);
  }
}
