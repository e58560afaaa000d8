package io.github.genova.platform.x86.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;

/**
 * Random lines built from assembler vocabulary: each must either assemble or be rejected with an
 * {@link AssemblyException} naming its line; no other exception may escape.
 */
class BadInputTest {
  private static final String[] WORDS = {
    "mov", "add", "push", "pop", "jmp", "call", "lea", "movzx", "imul", "shl", "xchg", "in", "out",
    "int", "lgdt", "bt", "setne", "cmovz", "inc", "test", "loop", "ret", "retf", "rep", "lock",
    "o32", "a32", "movsb", "db", "dw", "dd", "times", "align", "equ", "org", "bits", "byte", "word",
    "dword", "short", "near", "far", "strict", "al", "ah", "ax", "eax", "esp", "ebp", "bx", "si",
    "di", "bp", "cl", "dx", "es", "cs", "ss", "ds", "fs", "cr0", "cr3", "dr7", "label", ".local",
    "$", "$$", "0", "1", "-1", "127", "128", "255", "256", "0xFFFF", "0x10000", "0xFFFFFFFF",
    "0x100000000", "'A'", "'abc'", "\"s\"", "[", "]", ",", ":", "+", "-", "*", "/", "<<", ">>", "&",
    "|", "(", ")", "~", "%", "//"
  };

  @Test
  void randomLinesAssembleOrFailWithTheLineNamed() {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(0x6e6f7661L);
    int rejected = 0;
    for (int i = 0; i < 20_000; i++) {
      List<String> tokens = new ArrayList<>();
      int n = 1 + random.nextInt(7);
      for (int t = 0; t < n; t++) {
        tokens.add(WORDS[random.nextInt(WORDS.length)]);
      }
      String line = String.join(" ", tokens);
      String source = (random.nextBoolean() ? "bits 32\n" : "bits 16\n") + "label:\n" + line + "\n";
      try {
        new Assembler().assemble("random.asm", source);
      } catch (AssemblyException e) {
        assertThat(e.line()).as("line of the error for '%s'", line).isBetween(1, 3);
        assertThat(e.problem()).isNotBlank();
        rejected++;
      } catch (RuntimeException e) {
        fail("'" + line + "' raised " + e, e);
      }
    }
    assertThat(rejected).isGreaterThan(10_000);
  }
}
