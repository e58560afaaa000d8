package io.github.genova.platform.x86.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every vector of the SingleStepTests 80286 real-mode sample on each backend ({@link Engines}): load the registers and
 * RAM, run to the HLT that follows the instruction (or sits at the exception handler), then compare every
 * register, the listed RAM bytes and that nothing else was written. The only masking comes from
 * {@link Sst286Differences}. Writes a per-opcode report to {@code target/sst-80286-report-<backend>.md}.
 */
class SingleStep286Test {
  private static final String[] REGS = {"ax", "bx", "cx", "dx", "cs", "ss", "ds", "es", "sp", "bp", "si", "di",
      "ip", "flags"};
  /** Flag bits compared: everything a real-mode 286 defines (bits 1, 3, 5 are constants). */
  private static final int FLAGS_COMPARED = 0xffd5;

  private final RecordingBus bus = new RecordingBus(16 << 20);
  private @Nullable X86Cpu cpu;
  private final X86State state = new X86State();

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.genova.platform.x86.interp.Engines#all")
  void allVectorsOfThe286RealModeSamplePass(X86Backend backend) throws IOException {
    Path dir = TestData.require("sst-80286-real");
    cpu = backend.create(bus, IoPorts.NONE);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".jsonl.gz")).sorted().toList();
    }
    StringBuilder report = new StringBuilder("# SingleStepTests 80286 real mode on the Genova " + backend.name()
        + " backend\n\n");
    report.append("| form | tests | passed | rate | first failure |\n|---|---|---|---|---|\n");
    long total = 0;
    long passed = 0;
    List<String> worst = new ArrayList<>();
    for (Path file : files) {
      String form = file.getFileName().toString().replace(".jsonl.gz", "");
      int n = 0;
      int ok = 0;
      String firstFailure = "";
      try (BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          n++;
          String failure = runVector(form, line);
          if (failure == null) {
            ok++;
          } else {
            if (firstFailure.isEmpty()) {
              firstFailure = failure;
            }
            if (form.equals(System.getProperty("sst.dump")) && n - ok <= 4) {
              System.out.println("FAIL " + failure + "\n  " + line);
            }
          }
        }
      }
      total += n;
      passed += ok;
      report.append("| ").append(form).append(" | ").append(n).append(" | ").append(ok).append(" | ")
          .append(String.format("%.1f %%", 100.0 * ok / Math.max(1, n))).append(" | ")
          .append(firstFailure.replace("|", "\\|")).append(" |\n");
      if (ok < n) {
        worst.add(form + " " + ok + "/" + n + " " + firstFailure);
      }
    }
    double rate = 100.0 * passed / Math.max(1, total);
    report.append("\n**Total: ").append(passed).append(" / ").append(total)
        .append(String.format(" = %.3f %%**%n%n", rate));
    report.append("## Deliberate 286 vs i686 differences (the mask table)\n\n| form | masked flags | reason |\n")
        .append("|---|---|---|\n");
    Sst286Differences.table().forEach((k, v) -> report.append("| ").append(k).append(" | ")
        .append(String.format("0x%04x", v.undefinedFlags())).append(" | ").append(v.reason()).append(" |\n"));
    Path out = Path.of("target", "sst-80286-report-" + backend.name() + ".md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.printf(backend.name() + ": SST 80286 real mode: %d/%d passed (%.3f %%) in %d forms; report %s%n", passed, total,
        rate, files.size(), out.toAbsolutePath());
    worst.stream().limit(40).forEach(w -> System.out.println("  " + w));
    assertThat(files).hasSize(325);
    assertThat(rate).as("SST pass rate; see " + out.toAbsolutePath()).isGreaterThanOrEqualTo(99.5);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> m, String key) {
    return (Map<String, Object>) Objects.requireNonNull(m.get(key), key);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> m, String key) {
    return (List<Object>) Objects.requireNonNull(m.get(key), key);
  }

  /** Runs one vector; returns null when it passes, else what differed. */
  @SuppressWarnings("unchecked")
  private @Nullable String runVector(String form, String line) {
    X86Cpu cpu = Objects.requireNonNull(this.cpu);
    Map<String, Object> test = (Map<String, Object>) Json.parse(line);
    Map<String, Object> initial = map(test, "initial");
    Map<String, Object> fin = map(test, "final");
    Map<String, Object> iregs = map(initial, "regs");
    Map<String, Object> fregs = map(fin, "regs");
    List<Object> iram = list(initial, "ram");
    List<Object> fram = list(fin, "ram");
    int undefined = Sst286Differences.undefinedFlags(form);

    bus.forget();
    Map<Long, Integer> before = new HashMap<>();
    for (Object o : iram) {
      List<Object> pair = (List<Object>) o;
      long a = (Long) pair.get(0);
      int v = ((Long) pair.get(1)).intValue();
      bus.ram.write8(a, v);
      before.put(a, v);
    }
    state.reset();
    state.regs[X86State.EAX] = reg(iregs, "ax");
    state.regs[X86State.EBX] = reg(iregs, "bx");
    state.regs[X86State.ECX] = reg(iregs, "cx");
    state.regs[X86State.EDX] = reg(iregs, "dx");
    state.regs[X86State.ESP] = reg(iregs, "sp");
    state.regs[X86State.EBP] = reg(iregs, "bp");
    state.regs[X86State.ESI] = reg(iregs, "si");
    state.regs[X86State.EDI] = reg(iregs, "di");
    state.setRealModeSegment(X86State.CS, reg(iregs, "cs"));
    state.setRealModeSegment(X86State.SS, reg(iregs, "ss"));
    state.setRealModeSegment(X86State.DS, reg(iregs, "ds"));
    state.setRealModeSegment(X86State.ES, reg(iregs, "es"));
    state.eip = reg(iregs, "ip");
    // The top four FLAGS bits cannot be set in a 286's real mode: mask them on load (the suite's own note).
    state.eflags = (reg(iregs, "flags") & 0x0fff) | 2;
    cpu.loadState(state);
    ExitReason exit = cpu.run(100_000);
    cpu.saveState(state);

    @Nullable String failure = null;
    if (exit != ExitReason.HALT) {
      failure = "exit " + exit + " " + cpu.shutdownCause();
    }
    int[] actual = {state.regs[X86State.EAX], state.regs[X86State.EBX], state.regs[X86State.ECX],
        state.regs[X86State.EDX], state.selector[X86State.CS], state.selector[X86State.SS],
        state.selector[X86State.DS], state.selector[X86State.ES], state.regs[X86State.ESP],
        state.regs[X86State.EBP], state.regs[X86State.ESI], state.regs[X86State.EDI], state.eip, state.eflags};
    for (int i = 0; i < REGS.length && failure == null; i++) {
      Object e = fregs.get(REGS[i]);
      int expected = e != null ? ((Long) e).intValue() : reg(iregs, REGS[i]);
      if (i == REGS.length - 1 && e == null) {
        expected &= 0x0fff;
      }
      int mask = i == REGS.length - 1 ? FLAGS_COMPARED & ~undefined : 0xffff_ffff;
      if (((expected ^ actual[i]) & mask) != 0) {
        failure = String.format("%s: %s expected %04x got %04x", test.get("name"), REGS[i], expected, actual[i]);
      }
    }
    Map<Long, Integer> expectedRam = new HashMap<>();
    for (Object o : fram) {
      List<Object> pair = (List<Object>) o;
      expectedRam.put((Long) pair.get(0), ((Long) pair.get(1)).intValue());
    }
    long flagAddress = -1;
    if (test.get("exception") != null) {
      // The FLAGS image sits at SS:SP+4 of the handler's stack (the vectors' flag_address is even-aligned
      // and misses it when SP is odd).
      int ss = fregs.containsKey("ss") ? reg(fregs, "ss") : reg(iregs, "ss");
      int sp = reg(fregs, "sp");
      flagAddress = ss * 16L + ((sp + 4) & 0xffff);
    }
    for (Map.Entry<Long, Integer> e : expectedRam.entrySet()) {
      if (failure != null) {
        break;
      }
      long a = e.getKey();
      int mask = 0xff;
      if (a == flagAddress) {
        mask = FLAGS_COMPARED & ~undefined & 0xff;
      } else if (a == flagAddress + 1 || (flagAddress >= 0 && a == flagAddress - 0xffff)) {
        mask = (FLAGS_COMPARED & ~undefined) >>> 8;
      }
      int got = bus.ram.read8(a);
      if (((got ^ e.getValue()) & mask) != 0) {
        failure = String.format("%s: ram[%x] expected %02x got %02x", test.get("name"), a, e.getValue(), got);
      }
    }
    for (long a : bus.written()) {
      if (failure == null && !expectedRam.containsKey(a) && bus.ram.read8(a) != before.getOrDefault(a, 0)) {
        failure = String.format("%s: unexpected write to %x", test.get("name"), a);
      }
    }
    // Wipe what this vector touched so the next starts from zeroed RAM.
    for (long a : bus.written()) {
      bus.ram.write8(a, 0);
    }
    for (long a : before.keySet()) {
      bus.ram.write8(a, 0);
    }
    return failure;
  }

  private static int reg(Map<String, Object> regs, String name) {
    Object v = regs.get(name);
    return v == null ? 0 : ((Long) v).intValue();
  }
}
