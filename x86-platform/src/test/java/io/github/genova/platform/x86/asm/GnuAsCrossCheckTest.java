package io.github.genova.platform.x86.asm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.genova.platform.reference.HostTool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential check against GNU binutils: the corpus in {@code encoding-corpus.asm} is assembled by
 * our assembler and by {@code as --32} (Intel syntax, {@code .code16}/{@code .code32}), and the bytes
 * must be identical. Skips with a message where {@code as} or {@code objcopy} is not installed.
 */
class GnuAsCrossCheckTest {
  private static final Pattern SIZED_MEMORY =
      Pattern.compile("\\b(byte|word|dword)\\s+\\[", Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMES = Pattern.compile("times\\s+(\\d+)\\s+(.*)");
  private static final Pattern SEGMENT_IN_BRACKETS =
      Pattern.compile("\\[(es|cs|ss|ds|fs|gs):", Pattern.CASE_INSENSITIVE);

  @Test
  void corpusMatchesGnuAsByteForByte(@TempDir Path dir) throws Exception {
    assumeBinutils();
    compareWithGnuAs(dir, "encoding-corpus.asm", resource("encoding-corpus.asm").lines().toList());
  }

  /**
   * A generated corpus: every ALU, shift, unary and bit-test operation, setcc/cmovcc/jcc for all
   * conditions, and mov through every 16-bit addressing form and every 32-bit base/index/scale
   * combination, with displacements and immediates at the edges of the short forms.
   */
  @Test
  void generatedOperandFormsMatchGnuAs(@TempDir Path dir) throws Exception {
    assumeBinutils();
    compareWithGnuAs(dir, "generated corpus", GeneratedCorpus.lines());
  }

  private static void assumeBinutils() {
    assumeTrue(
        HostTool.runs("as", "--version") && HostTool.runs("objcopy", "--version"),
        "GNU as and objcopy are not installed: skipping the binutils cross-check");
  }

  private static void compareWithGnuAs(Path dir, String name, List<String> lines) throws Exception {
    StringBuilder ours = new StringBuilder();
    StringBuilder gas = new StringBuilder(".intel_syntax noprefix\n.text\n");
    List<Integer> marked = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).replaceFirst(";.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      if (line.startsWith("bits ")) {
        ours.append(line).append('\n');
        gas.append(line.endsWith("16") ? ".code16\n" : ".code32\n");
        continue;
      }
      if (line.matches("\\w+:")) {
        ours.append(line).append('\n');
        gas.append(line).append('\n');
        continue;
      }
      String mark = "line_" + (i + 1);
      marked.add(i + 1);
      ours.append(mark).append(": ").append(line).append('\n');
      gas.append(mark).append(": ").append(toGas(line)).append('\n');
    }

    byte[] expected = gnuAs(dir, gas.toString());
    Assembly assembly = new Assembler().assemble(name, ours.toString());
    byte[] actual = assembly.image();

    int mismatch = firstMismatch(expected, actual);
    if (mismatch >= 0) {
      int line = lineAt(assembly, marked, mismatch);
      int from = assembly.offsetOf("line_" + line);
      fail(
          "%s:%d: '%s' differs from GNU as at image offset 0x%x; as: %s, ours: %s",
          name,
          line,
          lines.get(line - 1).strip(),
          mismatch,
          hex(expected, from, 12),
          hex(actual, from, 12));
    }
    assertThat(actual).hasSize(expected.length);
  }

  private static String toGas(String line) {
    Matcher times = TIMES.matcher(line);
    if (times.matches()) {
      return ".rept " + times.group(1) + "\n" + toGas(times.group(2)) + "\n.endr";
    }
    String s = SIZED_MEMORY.matcher(line).replaceAll(m -> m.group(1) + " ptr [");
    Matcher seg = SEGMENT_IN_BRACKETS.matcher(s);
    return seg.replaceAll(m -> m.group(1).toLowerCase(Locale.ROOT) + ":[");
  }

  private static int lineAt(Assembly assembly, List<Integer> marked, int offset) {
    int best = marked.get(0);
    for (int line : marked) {
      if (assembly.offsetOf("line_" + line) <= offset) {
        best = line;
      }
    }
    return best;
  }

  private static int firstMismatch(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    for (int i = 0; i < n; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    return a.length == b.length ? -1 : n;
  }

  private static String hex(byte[] bytes, int from, int count) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < Math.min(bytes.length, from + count); i++) {
      sb.append(String.format(Locale.ROOT, "%02x ", bytes[i] & 0xFF));
    }
    return sb.toString().strip();
  }

  private static byte[] gnuAs(Path dir, String source) throws IOException, InterruptedException {
    Path s = dir.resolve("corpus.s");
    Path o = dir.resolve("corpus.o");
    Path bin = dir.resolve("corpus.bin");
    Files.writeString(s, source, StandardCharsets.US_ASCII);
    run(dir, "as", "--32", "-o", o.toString(), s.toString());
    run(dir, "objcopy", "-O", "binary", "-j", ".text", o.toString(), bin.toString());
    return Files.readAllBytes(bin);
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("%s did not finish", command[0]);
    }
    assertThat(p.exitValue()).as("%s failed:%n%s", String.join(" ", command), output).isZero();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = GnuAsCrossCheckTest.class.getResourceAsStream(name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
