package io.github.genova.platform.x86.asm;

import java.util.ArrayList;
import java.util.List;

/** Builds the combinatorial instruction corpus for the GNU as cross-check, in our syntax. */
final class GeneratedCorpus {
  private static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};
  private static final String[] SHIFTS = {"rol", "ror", "rcl", "rcr", "shl", "shr", "sar"};
  private static final String[] UNARY = {"inc", "dec", "neg", "not", "mul", "imul", "div", "idiv"};
  private static final String[] CONDITIONS = {
    "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"
  };
  private static final String[] R8 = {"al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"};
  private static final String[] R16 = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
  private static final String[] R32 = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
  private static final String[] MEM16 = {
    "[bx+si]", "[bx+di]", "[bp+si]", "[bp+di]", "[si]", "[di]", "[bp]", "[bx]",
    "[bx+si+5]", "[bp+di-128]", "[si+127]", "[di+128]", "[bp+0x1234]", "[bx-129]", "[0x5678]"
  };
  private static final long[] IMM8 = {0, 1, -1, 127, -128, 0x55};
  private static final long[] IMM16 = {1, -1, 127, 128, -128, -129, 0x7fff, -32768, 0x1234};
  private static final long[] IMM32 = {1, -1, 127, 128, -129, 0x7fffffffL, -0x80000000L, 0x12345678};

  private GeneratedCorpus() {}

  static List<String> lines() {
    List<String> out = new ArrayList<>();
    for (int bits : new int[] {32, 16}) {
      out.add("bits " + bits);
      List<String> mem = memoryOperands(bits);
      for (String op : ALU) {
        for (int i = 0; i < 8; i++) {
          out.add(op + " " + R8[i] + ", " + R8[7 - i]);
          out.add(op + " " + R16[i] + ", " + R16[(i + 3) % 8]);
          out.add(op + " " + R32[i] + ", " + R32[(i + 5) % 8]);
        }
        for (long v : IMM8) {
          out.add(op + " al, " + v);
          out.add(op + " dh, " + v);
          out.add(op + " byte [bx+si], " + v);
        }
        for (long v : IMM16) {
          out.add(op + " ax, " + v);
          out.add(op + " si, " + v);
          out.add(op + " word [di+4], " + v);
        }
        for (long v : IMM32) {
          out.add(op + " eax, " + v);
          out.add(op + " ebp, " + v);
          out.add(op + " dword [ebx+ecx*4+8], " + v);
        }
        for (String m : mem) {
          out.add(op + " " + m + ", ecx");
          out.add(op + " dx, " + m);
          out.add(op + " " + m + ", bh");
        }
      }
      for (String op : SHIFTS) {
        for (String r : new String[] {"bl", "si", "edi", "byte [bx]", "word [ebp+8]", "dword [esi]"}) {
          out.add(op + " " + r + ", 1");
          out.add(op + " " + r + ", cl");
          out.add(op + " " + r + ", 5");
        }
      }
      for (String op : UNARY) {
        for (String r : new String[] {"cl", "bp", "esi", "byte [di]", "word [bx+2]", "dword [eax+edx*2]"}) {
          out.add(op + " " + r);
        }
      }
      for (String op : new String[] {"bt", "bts", "btr", "btc"}) {
        out.add(op + " ax, cx");
        out.add(op + " edx, ebx");
        out.add(op + " dword [esi], eax");
        out.add(op + " word [bx], 15");
        out.add(op + " ecx, 31");
      }
      for (String cc : CONDITIONS) {
        out.add("set" + cc + " al");
        out.add("set" + cc + " byte [ebx]");
        out.add("cmov" + cc + " eax, edx");
        out.add("cmov" + cc + " cx, word [bx]");
        out.add("j" + cc + " gen_back_" + bits);
        out.add("j" + cc + " gen_far_" + bits);
      }
      for (String m : mem) {
        out.add("mov eax, " + m);
        out.add("mov " + m + ", bl");
        out.add("mov word " + m + ", 0x1234");
        out.add("lea esi, " + m);
        out.add("movzx ecx, byte " + m);
        out.add("movsx dx, byte " + m);
        out.add("push dword " + m);
        out.add("inc word " + m);
      }
      for (int i = 0; i < 8; i++) {
        out.add("mov " + R32[i] + ", " + (0x1000 * i + 7));
        out.add("mov " + R8[i] + ", " + (i * 30));
        out.add("xchg " + R16[i] + ", " + R16[(i + 1) % 8]);
        out.add("push " + R16[i]);
        out.add("pop " + R32[i]);
        out.add("imul " + R32[i] + ", " + R32[(i + 2) % 8] + ", " + (i * 50 - 100));
      }
      out.add("gen_back_" + bits + ":");
      out.add("times 150 nop");
      out.add("gen_far_" + bits + ":");
    }
    return out;
  }

  /** Memory operands: all 16-bit forms, and 32-bit base/index/scale with displacements. */
  private static List<String> memoryOperands(int bits) {
    List<String> mem = new ArrayList<>(List.of(MEM16));
    String[] disps = {"", "+4", "-128", "+128", "+0x12345"};
    for (int b = 0; b < 8; b++) {
      mem.add("[" + R32[b] + disps[b % disps.length] + "]");
      for (int x = 0; x < 8; x++) {
        if (x == 4) {
          continue;
        }
        int scale = 1 << ((b + x) % 4);
        mem.add("[" + R32[b] + "+" + R32[x] + "*" + scale + disps[(b + x) % disps.length] + "]");
      }
    }
    mem.add("[ecx*4+0x1000]");
    mem.add("[0x12345678]");
    return bits == 16 ? mem.subList(0, MEM16.length + 20) : mem;
  }
}
