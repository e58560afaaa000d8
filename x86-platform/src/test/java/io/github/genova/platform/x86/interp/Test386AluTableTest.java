package io.github.genova.platform.x86.interp;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.genova.platform.x86.ExitReason;
import io.github.genova.platform.x86.IoPorts;
import io.github.genova.platform.x86.PagedRam;
import io.github.genova.platform.x86.X86Backend;
import io.github.genova.platform.x86.X86Cpu;
import io.github.genova.platform.x86.X86State;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reproduces every line of test386.asm's test 0xEE reference output ({@code test386-EE-reference.txt}) by
 * executing the instruction on each backend ({@link Engines}) in 32-bit flat protected mode.
 *
 * <p>The table lists, per operation, the inputs (EAX, EDX, flags) and the outputs with the flags the test
 * leaves undefined masked out. The instruction encodings and operand values below are those test386 uses
 * for each line (its {@code tableOps}, in order); the number of lines each encoding produces follows from
 * the operand value lists (9 arithmetic values per size, 7 logic, 12 multiply/divide, 9 shift operands and
 * 4/4/5 shift counts), so the walk also checks that the file has exactly the structure expected. Shifts
 * run after STC, as in test386; a #DE line expects the divide to fault.
 */
class Test386AluTableTest {
  private static final int ARITH = 0;
  private static final int ARITH1 = 1;
  private static final int ARITH1D = 2;
  private static final int LOGIC = 3;
  private static final int LOGIC1 = 4;
  private static final int LOGIC1D = 5;
  private static final int MULTIPLY = 6;
  private static final int DIVIDE = 7;
  private static final int SHIFTS_1 = 8;
  private static final int SHIFTS_R = 9;

  /** test386's PS_* masks per operation type: the flags each type defines. */
  private static final int[] DEFINED = {0x8d5, 0x8d5, 0x8d5, 0x8c5, 0x8c5, 0x8c5, 0x801, 0, 0x8c5, 0x0c5};
  private static final int CODE = 0x1000;
  private static final int DE_HANDLER = 0x3000;

  private record Encoding(String label, String hex, int type, int size) {}

  private final List<Encoding> table = new ArrayList<>();

  private void op(String label, String size, String hex, int type) {
    int s = switch (size) {
      case "B" -> 0;
      case "W" -> 1;
      default -> 2;
    };
    table.add(new Encoding(label + " " + size, hex, type, s));
  }

  /** One ALU operation in all of test386's forms. */
  private void alu(String name, int base, int ext, String i8, String i16, String i32, boolean logic) {
    int t = logic ? LOGIC : ARITH;
    int t1 = logic ? LOGIC1 : ARITH1;
    int t1d = logic ? LOGIC1D : ARITH1D;
    String b0 = hex(base);
    String b1 = hex(base + 1);
    op(b0 + " " + name, "B", b0 + "D0", t);
    op(b1 + " " + name, "W", "66" + b1 + "D0", t);
    op(b1 + " " + name, "D", b1 + "D0", t);
    op(hex(base + 4) + " " + name, "B", hex(base + 4) + i8, t1);
    op(hex(base + 5) + " " + name, "W", "66" + hex(base + 5) + i16, t1);
    op(hex(base + 5) + " " + name, "D", hex(base + 5) + i32, t1);
    op("83 " + name, "W", "6683" + hex(0xc0 | ext << 3) + i8, t1);
    op("83 " + name, "D", "83" + hex(0xc0 | ext << 3) + i8, t1);
    op("80 " + name, "B", "80" + hex(0xc2 | ext << 3) + i8, t1d);
    op("81 " + name, "W", "6681" + hex(0xc2 | ext << 3) + i16, t1d);
    op("81 " + name, "D", "81" + hex(0xc2 | ext << 3) + i32, t1d);
    op(hex(base + 2) + " " + name, "B", "881500000000" + hex(base + 2) + "0500000000", t);
    op(hex(base + 3) + " " + name, "W", "66891500000000" + "66" + hex(base + 3) + "0500000000", t);
    op(hex(base + 3) + " " + name, "D", "891500000000" + hex(base + 3) + "0500000000", t);
  }

  private static String hex(int b) {
    return String.format("%02X", b);
  }

  private void buildTable() {
    op("98 CBW", "B", "6698", ARITH1);
    op("98 CWDE", "W", "98", ARITH1);
    op("99 CWD", "W", "6699", ARITH1);
    op("99 CDQ", "D", "99", ARITH1);
    alu("ADD", 0x00, 0, "FF", "0280", "02000080", false);
    alu("OR", 0x08, 1, "AA", "AAAA", "AAAAAAAA", true);
    alu("ADC", 0x10, 2, "FF", "0280", "02000080", false);
    alu("SBB", 0x18, 3, "FF", "0080", "00000080", false);
    alu("AND", 0x20, 4, "AA", "AAAA", "AAAAAAAA", true);
    alu("SUB", 0x28, 5, "FF", "0080", "00000080", false);
    alu("XOR", 0x30, 6, "AA", "AAAA", "AAAAAAAA", true);
    alu("CMP", 0x38, 7, "AA", "AAAA", "AAAAAAAA", true);
    op("84 TEST", "B", "84D0", LOGIC);
    op("85 TEST", "W", "6685D0", LOGIC);
    op("85 TEST", "D", "85D0", LOGIC);
    op("A8 TEST", "B", "A8AA", LOGIC1);
    op("A9 TEST", "W", "66A9AAAA", LOGIC1);
    op("A9 TEST", "D", "A9AAAAAAAA", LOGIC1);
    op("F6 TEST", "B", "F6C2AA", LOGIC1D);
    op("F7 TEST", "W", "66F7C2AAAA", LOGIC1D);
    op("F7 TEST", "D", "F7C2AAAAAAAA", LOGIC1D);
    for (String[] m : new String[][] {{"INC", "40", "05"}, {"DEC", "48", "0D"}}) {
      int first = Integer.parseInt(m[1], 16);
      for (String size : new String[] {"W", "D"}) {
        String p = size.equals("W") ? "66" : "";
        for (int r = 0; r < 8; r++) {
          String xchg = r == 0 ? "" : p + hex(0x90 + r);
          op(hex(first + r) + " " + m[0], size, xchg + p + hex(first + r) + xchg, ARITH1);
        }
      }
      op("FE " + m[0], "B", "A200000000FE" + m[2] + "00000000A000000000", ARITH1);
      op("FF " + m[0], "W", "66A30000000066FF" + m[2] + "0000000066A100000000", ARITH1);
      op("FF " + m[0], "D", "A300000000FF" + m[2] + "00000000A100000000", ARITH1);
    }
    op("F6 NEG", "B", "F6D8", ARITH1);
    op("F7 NEG", "W", "66F7D8", ARITH1);
    op("F7 NEG", "D", "F7D8", ARITH1);
    op("F6 NOT", "B", "F6D0", LOGIC1);
    op("F7 NOT", "W", "66F7D0", LOGIC1);
    op("F7 NOT", "D", "F7D0", LOGIC1);
    for (String[] m : new String[][] {{"MUL", "E2"}, {"IMUL", "EA"}}) {
      op("F6 " + m[0], "B", "F6" + m[1], MULTIPLY);
      op("F7 " + m[0], "W", "66F7" + m[1], MULTIPLY);
      op("F7 " + m[0], "D", "F7" + m[1], MULTIPLY);
    }
    op("0FAF IMUL", "W", "660FAFC2", MULTIPLY);
    op("0FAF IMUL", "D", "0FAFC2", MULTIPLY);
    op("6B IMUL", "W", "666BC277", MULTIPLY);
    op("6B IMUL", "W", "666BC289", MULTIPLY);
    op("6B IMUL", "D", "6BC277", MULTIPLY);
    op("6B IMUL", "D", "6BC289", MULTIPLY);
    op("69 IMUL", "W", "6669C07707", MULTIPLY);
    op("69 IMUL", "D", "69C077777700", MULTIPLY);
    for (String[] m : new String[][] {{"DIV", "F2", "F0"}, {"IDIV", "FA", "F8"}}) {
      for (String modrm : new String[] {m[1], m[2]}) {
        op("F6 " + m[0], "B", "F6" + modrm, DIVIDE);
        op("F7 " + m[0], "W", "66F7" + modrm, DIVIDE);
        op("F7 " + m[0], "D", "F7" + modrm, DIVIDE);
      }
    }
    String[][] shifts = {{"SAL", "4"}, {"SAR", "7"}, {"SHR", "5"}, {"ROL", "0"}, {"ROR", "1"}, {"RCL", "2"},
        {"RCR", "3"}};
    for (String[] m : shifts) {
      String rm = hex(0xc0 | Integer.parseInt(m[1]) << 3);
      boolean rotate = m[0].startsWith("R");
      op("D0 " + m[0], "B", "F9D0" + rm, SHIFTS_1);
      op("D1 " + m[0], "W", "F966D1" + rm, SHIFTS_1);
      op("D1 " + m[0], "D", "F9D1" + rm, SHIFTS_1);
      int immType = rotate ? SHIFTS_1 : SHIFTS_R;
      op("C0 " + m[0], "B", "F9C0" + rm + "07", immType);
      op("C1 " + m[0], "W", "F966C1" + rm + "07", immType);
      op("C1 " + m[0], "D", "F9C1" + rm + "07", immType);
      op("D2 " + m[0], "B", "F986D1D2" + rm + "86D1", SHIFTS_R);
      op("D3 " + m[0], "W", "F986D166D3" + rm + "86D1", SHIFTS_R);
      op("D3 " + m[0], "D", "F986D1D3" + rm + "86D1", SHIFTS_R);
    }
    op("0FA4 SHLD", "W", "F9660FA4D008", SHIFTS_R);
    op("0FA4 SHLD", "D", "F90FA4D010", SHIFTS_R);
    op("0FA5 SHLD", "W", "F988D1660FA5D0", SHIFTS_R);
    op("0FA5 SHLD", "D", "F988D10FA5D0", SHIFTS_R);
    op("0FAC SHRD", "W", "F9660FACD008", SHIFTS_R);
    op("0FAC SHRD", "D", "F90FACD010", SHIFTS_R);
    op("0FAD SHRD", "W", "F988D1660FADD0", SHIFTS_R);
    op("0FAD SHRD", "D", "F988D10FADD0", SHIFTS_R);
  }

  /** Lines one encoding produces: operand values per size and type, as test386 iterates them. */
  private static int lines(int type, int size) {
    int arith = 9 * (size + 1);
    int logic = 7 * (size + 1);
    int muldiv = 12 * (size + 1);
    int counts = new int[] {4, 8, 13}[size];
    return switch (type) {
      case ARITH -> arith * arith;
      case ARITH1, ARITH1D, SHIFTS_1 -> arith;
      case LOGIC -> logic * logic;
      case LOGIC1, LOGIC1D -> logic;
      case MULTIPLY, DIVIDE -> muldiv * muldiv;
      default -> arith * counts;
    };
  }

  private final PagedRam ram = new PagedRam(1 << 20);
  private @Nullable X86Cpu cpu;
  private final X86State state = new X86State();

  private void flatProtectedMode() {
    state.reset();
    state.setFlatProtectedMode(0x08, 0x10);
    state.gdtBase = 0x4000;
    state.gdtLimit = 0x17;
    ram.write32(0x4008, 0x0000_ffff);
    ram.write32(0x400c, 0x00cf_9b00);
    ram.write32(0x4010, 0x0000_ffff);
    ram.write32(0x4014, 0x00cf_9300);
    state.idtBase = 0x2000;
    state.idtLimit = 7;
    ram.write32(0x2000, 0x0008_0000 | DE_HANDLER);
    ram.write32(0x2004, 0x0000_8e00);
    ram.write8(DE_HANDLER, 0xf4);
  }

  /** Runs {@code code} + HLT with the given inputs; returns {eax, edx, flags, faulted ? 1 : 0}. */
  private int[] execute(byte[] code, int eax, int edx, int flags) {
    flatProtectedMode();
    ram.load(CODE, code);
    ram.write8(CODE + code.length, 0xf4);
    state.eip = CODE;
    state.regs[X86State.ESP] = 0x8000;
    state.regs[X86State.EAX] = eax;
    state.regs[X86State.EDX] = edx;
    state.eflags = flags | 2;
    X86Cpu cpu = Objects.requireNonNull(this.cpu);
    cpu.loadState(state);
    ExitReason exit = cpu.run(100);
    cpu.saveState(state);
    assertThat(exit).isEqualTo(ExitReason.HALT);
    boolean faulted = state.eip == DE_HANDLER + 1;
    return new int[] {state.regs[X86State.EAX], state.regs[X86State.EDX], state.eflags, faulted ? 1 : 0};
  }

  private static int field(String token) {
    return (int) Long.parseLong(token.substring(token.indexOf('=') + 1), 16);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.github.genova.platform.x86.interp.Engines#all")
  void everyLineOfTheTest386EeTableIsReproduced(X86Backend backend) throws IOException {
    Path file = TestData.require("test386-EE-reference.txt");
    cpu = backend.create(ram, IoPorts.NONE);
    buildTable();
    int entry = 0;
    int remaining = lines(table.get(0).type, table.get(0).size);
    int total = 0;
    List<String> mismatches = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        total++;
        String[] t = line.trim().split("\\s+", -1);
        @Nullable String problem;
        if (Character.isLowerCase(t[0].charAt(0))) {
          problem = bcd(t);
        } else {
          while (remaining == 0) {
            entry++;
            remaining = entry < table.size() ? lines(table.get(entry).type, table.get(entry).size) : -1;
          }
          if (remaining < 0) {
            problem = "more lines than test386's table has encodings";
          } else {
            problem = alu(table.get(entry), t);
            remaining--;
          }
        }
        if (problem != null) {
          mismatches.add(problem + "   <- " + line);
        }
      }
    }
    System.out.printf(backend.name() + ": test386 EE table: %d lines, %d reproduced, %d mismatches%n", total,
        total - mismatches.size(), mismatches.size());
    mismatches.stream().limit(30).forEach(m -> System.out.println("  " + m));
    assertThat(total).isEqualTo(44_926);
    assertThat(entry).as("all of test386's encodings were consumed").isEqualTo(table.size() - 1);
    assertThat(mismatches).isEmpty();
  }

  private @Nullable String alu(Encoding e, String[] t) {
    String label = t[0] + " " + t[1] + " " + t[2];
    if (!label.equals(e.label)) {
      return "expected a line of '" + e.label + "'";
    }
    boolean fault = t[6].equals("#DE");
    int o = fault ? 7 : 6;
    int[] got = execute(HexFormat.of().parseHex(e.hex), field(t[3]), field(t[4]), field(t[5]));
    int mask = DEFINED[e.type];
    if ((got[3] == 1) != fault) {
      return fault ? "no #DE" : "unexpected #DE";
    }
    if (got[0] != field(t[o]) || got[1] != field(t[o + 1]) || ((got[2] ^ field(t[o + 2])) & mask) != 0) {
      return String.format("got EAX=%08X EDX=%08X PS=%04X", got[0], got[1], got[2] & mask);
    }
    return null;
  }

  /** The BCD lines: "daa EAX=.. PS=.. EAX=.. PS=..", undefined flags (OF, and more for AAA/AAS) masked. */
  private @Nullable String bcd(String[] t) {
    String code = switch (t[0]) {
      case "daa" -> "27";
      case "das" -> "2F";
      case "aaa" -> "37";
      case "aas" -> "3F";
      case "aam" -> "D40A";
      default -> "D50A";
    };
    int mask = switch (t[0]) {
      case "daa", "das" -> 0x0d5;
      case "aaa", "aas" -> 0x011;
      default -> 0x0c4;
    };
    int[] got = execute(HexFormat.of().parseHex(code), field(t[1]), 0, field(t[2]));
    if (got[0] != field(t[3]) || ((got[2] ^ field(t[4])) & mask) != 0) {
      return String.format("got EAX=%08X PS=%04X", got[0], got[2] & mask);
    }
    return null;
  }
}
