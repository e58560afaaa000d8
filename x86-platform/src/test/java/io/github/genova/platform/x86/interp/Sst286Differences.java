package io.github.genova.platform.x86.interp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * THE mask table: every deliberate difference between the Harris 80C286 that recorded SingleStepTests and
 * this i686-class CPU, per opcode form, as FLAGS bits that are not compared (in the final FLAGS register and
 * in a FLAGS image the instruction pushed for an exception). Each entry states its reason; there are no
 * per-test exceptions anywhere else.
 *
 * <p>Not masked, and so counted as failures in the report: behaviours where the 286 is not restartable or
 * has older limits, which an i686-class CPU deliberately does not copy: (1) string instructions and
 * POP m16 that raise #GP at offset 0xFFFF after the 286 already advanced SI/DI/SP (a 386+ rolls back);
 * (2) instructions longer than 10 bytes, which a 286 rejects with #GP (the 386+ limit is 15);
 * (3) stack overruns in real mode, which the 286 reports as interrupt 13 and a 386+ as #SS (12).
 *
 * <p>Keys are the SingleStepTests file stems ("F6.4" = opcode F6, ModR/M reg field 4). Flag bits: CF 0x001,
 * PF 0x004, AF 0x010, ZF 0x040, SF 0x080, OF 0x800, IOPL 0x3000, NT 0x4000.
 */
final class Sst286Differences {
  private static final int CF = 0x001;
  private static final int PF = 0x004;
  private static final int AF = 0x010;
  private static final int ZF = 0x040;
  private static final int SF = 0x080;
  private static final int OF = 0x800;

  /** One masked difference. */
  record Difference(int undefinedFlags, String reason) {}

  private static final Map<String, Difference> TABLE = new LinkedHashMap<>();

  private static void put(String forms, int flags, String reason) {
    for (String form : forms.split(" ", -1)) {
      TABLE.merge(form, new Difference(flags, reason),
          (a, b) -> new Difference(a.undefinedFlags | b.undefinedFlags, a.reason + "; " + b.reason));
    }
  }

  static {
    put("08 09 0A 0B 0C 0D 20 21 22 23 24 25 30 31 32 33 34 35 84 85 A8 A9 "
        + "80.1 80.4 80.6 81.1 81.4 81.6 82.1 82.4 82.6 83.1 83.4 83.6 F6.0 F6.1 F7.0 F7.1",
        AF, "AF is undefined after AND/OR/XOR/TEST (Intel SDM); the 286 and we compute it differently");
    put("F6.4 F6.5 F7.4 F7.5 69 6B", SF | ZF | AF | PF,
        "SF/ZF/AF/PF are undefined after MUL/IMUL; only CF and OF are architectural");
    put("F6.6 F6.7 F7.6 F7.7", CF | PF | AF | ZF | SF | OF,
        "all arithmetic flags are undefined after DIV/IDIV (and in the FLAGS image pushed for #DE)");
    put("D4", CF | PF | AF | ZF | SF | OF,
        "AAM leaves CF/AF/OF undefined, and all arithmetic flags when it raises #DE (AAM 0)");
    put("D5", CF | AF | OF, "AAD leaves CF/AF/OF undefined");
    put("27 2F", OF, "DAA/DAS leave OF undefined");
    put("37 3F", OF | SF | ZF | PF, "AAA/AAS leave OF/SF/ZF/PF undefined");
    for (String op : new String[] {"C0", "C1", "D2", "D3"}) {
      put(op + ".0 " + op + ".1 " + op + ".2 " + op + ".3", OF,
          "OF is undefined for rotates by a count other than 1");
      put(op + ".4 " + op + ".5 " + op + ".6 " + op + ".7", OF | AF,
          "OF is undefined for shifts by a count other than 1, AF for every shift");
    }
    for (String op : new String[] {"D0", "D1"}) {
      put(op + ".4 " + op + ".5 " + op + ".6 " + op + ".7", AF, "AF is undefined after shifts");
    }
    put("9D CF", 0x7000,
        "POPF/IRET in real mode: a 386+ loads IOPL and NT from the popped image, a 286 keeps them zero");
  }

  private Sst286Differences() {}

  /** Returns the FLAGS bits not compared for {@code form} (0 when the form has no entry). */
  static int undefinedFlags(String form) {
    Difference d = TABLE.get(form);
    return d == null ? 0 : d.undefinedFlags;
  }

  /** Returns the whole table, in declaration order, for the report. */
  static Map<String, Difference> table() {
    return TABLE;
  }
}
